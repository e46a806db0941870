import type { ReactNode } from 'react';
import { Flex } from 'antd';
import { Link } from 'react-router';
import { formatDate, formatNumber } from '../../ui/format';
import { personCategoryLabels, unitKindLabels } from '../../../shared/org';
import { planDocTypeLabels, rewardScopeLabels } from '../../../shared/campaign';
import type { PlanContent, Quota, RewardForm } from '../../../shared/campaign';
import type { PublicPlan } from './portal.api';

/** The readable content of a published plan: the sections that have data, in document order. */
function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

function Lines({ items }: { items: readonly string[] }) {
  if (items.length === 0) return null;
  return (
    <ul>
      {items.map((t, i) => (
        <li key={i}>{t.replace(/^[-+•]\s*/u, '')}</li>
      ))}
    </ul>
  );
}

function rewardText(r: RewardForm): string {
  const parts = [r.form];
  if (r.scope) parts.push(`(${rewardScopeLabels[r.scope].toLowerCase()})`);
  if (r.issuerTitle) parts.push(`của ${r.issuerTitle}`);
  let text = parts.join(' ');
  if (r.amountVnd !== null) text += `, kèm tiền thưởng ${formatNumber(r.amountVnd)} đồng`;
  else if (r.coefficient !== null)
    text += `, kèm tiền thưởng ${r.coefficient.toLocaleString('vi-VN')} lần mức lương cơ sở`;
  if (r.note) text += `. ${r.note}`;
  return text;
}

function quotaText(q: Quota): string {
  const limits = [
    q.maxCount !== null ? `tối đa ${formatNumber(q.maxCount)}` : null,
    q.maxPercent !== null ? `không quá ${q.maxPercent.toLocaleString('vi-VN')}%` : null,
  ].filter((x) => x !== null);
  return `${q.scope === 'collective' ? 'Tập thể' : 'Cá nhân'} — ${q.level}: ${limits.join(', ')}`;
}

function hasAny(c: PlanContent['participants']): boolean {
  return (
    c.collectives.length + c.individuals.length + c.excluded.length > 0 ||
    c.collectiveUnitKinds.length + c.individualCategories.length > 0
  );
}

export function PlanBody({ plan }: { plan: PublicPlan }) {
  const c = plan.content;
  const { participants: who, criteria, contest } = c;
  return (
    <article className="portal-doc">
      <div className="portal-doc-head">
        <div className="portal-doc-kind">{planDocTypeLabels[plan.docType].toUpperCase()}</div>
        <div className="portal-doc-title">{plan.title}</div>
        {plan.issuedOn && (
          <div style={{ fontStyle: 'italic', marginTop: 4 }}>
            {plan.place}, ngày {formatDate(plan.issuedOn)}
          </div>
        )}
      </div>

      {c.legalBases.length > 0 && (
        <Section title="Căn cứ">
          <ul>
            {c.legalBases.map((b, i) => (
              <li key={i}>
                {b.planId !== null ? (
                  <Link to={`/cong-khai/ke-hoach/${b.planId}`}>{b.text}</Link>
                ) : (
                  b.text
                )}
              </li>
            ))}
          </ul>
        </Section>
      )}
      {c.preamble && <p>{c.preamble}</p>}

      {(c.purposes.length > 0 || c.requirements.length > 0) && (
        <Section title="Mục đích, yêu cầu">
          {c.purposes.length > 0 && (
            <>
              <h3>Mục đích</h3>
              <Lines items={c.purposes} />
            </>
          )}
          {c.requirements.length > 0 && (
            <>
              <h3>Yêu cầu</h3>
              <Lines items={c.requirements} />
            </>
          )}
        </Section>
      )}

      {(c.theme || c.goals.length > 0) && (
        <Section title="Chủ đề, mục tiêu">
          {c.theme && (
            <p>
              <strong>Chủ đề: </strong>
              {c.theme}
            </p>
          )}
          <Lines items={c.goals} />
        </Section>
      )}

      {hasAny(who) && (
        <Section title={plan.kind === 'contest' ? 'Đối tượng dự thi' : 'Đối tượng thi đua'}>
          {(who.collectives.length > 0 || who.collectiveUnitKinds.length > 0) && (
            <>
              <h3>Tập thể</h3>
              <Lines
                items={
                  who.collectives.length > 0
                    ? who.collectives
                    : who.collectiveUnitKinds.map((k) => unitKindLabels[k])
                }
              />
            </>
          )}
          {(who.individuals.length > 0 || who.individualCategories.length > 0) && (
            <>
              <h3>Cá nhân</h3>
              <Lines
                items={
                  who.individuals.length > 0
                    ? who.individuals
                    : who.individualCategories.map((k) => personCategoryLabels[k])
                }
              />
            </>
          )}
          {who.excluded.length > 0 && (
            <>
              <h3>Không áp dụng đối với</h3>
              <Lines items={who.excluded} />
            </>
          )}
        </Section>
      )}

      {c.contents.length > 0 && (
        <Section title={plan.kind === 'contest' ? 'Nội dung cuộc thi' : 'Nội dung thi đua'}>
          <Lines items={c.contents} />
        </Section>
      )}

      {contest && contest.topics.length > 0 && (
        <Section title="Chủ đề dự thi">
          <Lines items={contest.topics} />
        </Section>
      )}

      {(criteria.collective.length > 0 || criteria.individual.length > 0) && (
        <Section title="Tiêu chí thi đua">
          {criteria.collective.length > 0 && (
            <>
              <h3>Đối với tập thể</h3>
              <Lines items={criteria.collective} />
            </>
          )}
          {criteria.individual.length > 0 && (
            <>
              <h3>Đối với cá nhân</h3>
              <Lines items={criteria.individual} />
            </>
          )}
        </Section>
      )}

      {(c.deadlines.length > 0 || c.reviewRounds.length > 0) && (
        <Section title="Thời gian, các mốc thực hiện">
          <ul>
            {c.deadlines.map((d, i) => (
              <li key={`d${i}`}>
                <strong>{formatDate(d.date)}</strong>: {d.label}
              </li>
            ))}
            {c.reviewRounds.map((r, i) => (
              <li key={`r${i}`}>
                {r.date && <strong>{formatDate(r.date)}: </strong>}
                {r.label}
              </li>
            ))}
          </ul>
        </Section>
      )}

      {(c.rewards.length > 0 || c.quotas.length > 0 || (contest?.prizes.length ?? 0) > 0) && (
        <Section title="Hình thức, số lượng khen thưởng">
          {c.rewards.length > 0 && <Lines items={c.rewards.map(rewardText)} />}
          {contest && contest.prizes.length > 0 && (
            <>
              <h3>Cơ cấu giải thưởng</h3>
              <Lines
                items={contest.prizes.map(
                  (p) =>
                    `${p.rank}${p.count !== null ? `: ${p.count} giải` : ''}${
                      p.recipient
                        ? ` (${p.recipient === 'collective' ? 'tập thể' : 'cá nhân'})`
                        : ''
                    }${p.amountVnd !== null ? `, mỗi giải ${formatNumber(p.amountVnd)} đồng` : ''}`,
                )}
              />
            </>
          )}
          {c.quotas.length > 0 && (
            <>
              <h3>Số lượng khen thưởng</h3>
              <Lines items={c.quotas.map(quotaText)} />
            </>
          )}
        </Section>
      )}

      {contest && (contest.entryQuotas.length > 0 || contest.noveltyCutoff || contest.funding) && (
        <Section title="Quy định dự thi">
          <Lines
            items={[
              ...contest.entryQuotas.map(
                (q) => `${q.unitType}: tối thiểu ${formatNumber(q.minEntries)} bài dự thi`,
              ),
              ...(contest.noveltyCutoff
                ? [`Bài dự thi chưa được áp dụng trước ngày ${formatDate(contest.noveltyCutoff)}`]
                : []),
              ...(contest.funding ? [`Kinh phí: ${contest.funding}`] : []),
            ]}
          />
        </Section>
      )}

      {c.dossier.length > 0 && (
        <Section title="Hồ sơ đề nghị khen thưởng">
          {c.dossier.map((d, i) => (
            <div key={i}>
              {(c.dossier.length > 1 || d.level !== 'Hồ sơ đề nghị khen thưởng') && (
                <h3>{d.level}</h3>
              )}
              <Lines items={d.items} />
            </div>
          ))}
        </Section>
      )}

      {c.assignments.length > 0 && (
        <Section title="Tổ chức thực hiện">
          {c.assignments.map((a, i) => (
            <p key={i}>
              <strong>{a.assignee}: </strong>
              {a.task}
            </p>
          ))}
        </Section>
      )}
      {c.closing && <p>{c.closing}</p>}

      <Flex gap={24} wrap justify="space-between" style={{ marginTop: 24 }}>
        {c.recipients.length > 0 && (
          <div style={{ fontSize: 14, minWidth: 220 }}>
            <strong>
              <em>Nơi nhận:</em>
            </strong>
            <ul style={{ paddingInlineStart: 18 }}>
              {c.recipients.map((r, i) => (
                <li key={i} style={{ marginBottom: 0 }}>
                  {r.replace(/^[-+•]\s*/u, '')}
                </li>
              ))}
            </ul>
          </div>
        )}
        {c.signer && (
          <div className="portal-signer">
            {c.signer.authority && <div style={{ fontWeight: 700 }}>{c.signer.authority}</div>}
            <div style={{ fontWeight: 700 }}>{c.signer.title}</div>
            {c.signer.name && <div style={{ fontWeight: 700, marginTop: 48 }}>{c.signer.name}</div>}
          </div>
        )}
      </Flex>
    </article>
  );
}
