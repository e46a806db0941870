import { useEffect } from 'react';
import type { ReactNode } from 'react';
import {
  Breadcrumb,
  Button,
  Card,
  Descriptions,
  Flex,
  Result,
  Skeleton,
  Tag,
  Typography,
} from 'antd';
import { FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { ErrorAlert } from '../../ui/error-alert';
import { formatDate, formatNumber } from '../../ui/format';
import {
  campaignModeLabels,
  planDocTypeLabels,
  planKindLabels,
  planStatusLabels,
  rewardScopeLabels,
} from '../../../shared/campaign';
import type { PlanContent, Quota, RewardForm } from '../../../shared/campaign';
import { personCategoryLabels, unitKindLabels } from '../../../shared/org';
import { publicDocumentUrl, usePublicPlan } from './portal.api';
import type { PublicPlan } from './portal.api';
import { periodText } from './portal-format';
import { PublicResults } from './public-results';

/** One published plan: its header, the content sections that have data, and the documents. */
export default function PublicPlanPage() {
  const { planId } = useParams();
  const plan = usePublicPlan(planId);

  useEffect(() => {
    if (plan.data) document.title = `${plan.data.title} — Cổng thông tin thi đua, khen thưởng`;
  }, [plan.data]);

  if (plan.isPending) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 10 }} />
      </Card>
    );
  }
  if (plan.error) {
    if (isApiError(plan.error, 'NOT_FOUND') || isApiError(plan.error, 'VALIDATION_FAILED')) {
      return (
        <Result
          status="404"
          title="Không tìm thấy kế hoạch"
          subTitle="Kế hoạch không tồn tại, chưa được ban hành hoặc đã bị hủy."
          extra={<Link to="/cong-khai">Về danh sách kế hoạch</Link>}
        />
      );
    }
    return <ErrorAlert error={plan.error} />;
  }
  const p = plan.data;
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { title: <Link to="/cong-khai">Kế hoạch đã ban hành</Link> },
          { title: p.documentNumber ? `Số ${p.documentNumber}` : 'Kế hoạch' },
        ]}
      />
      <Card style={{ marginBottom: 16 }}>
        <Flex gap={8} wrap style={{ marginBottom: 8 }}>
          <Tag color={p.kind === 'contest' ? 'purple' : 'red'}>{planKindLabels[p.kind]}</Tag>
          <Tag color={p.status === 'cancelled' ? 'default' : 'blue'}>
            {planStatusLabels[p.status]}
          </Tag>
        </Flex>
        <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0, lineHeight: 1.4 }}>
          {p.title}
        </Typography.Title>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 1, md: 2 }}
          items={[
            { key: 'number', label: 'Số, ký hiệu', children: p.documentNumber ?? '—' },
            {
              key: 'date',
              label: 'Ngày ban hành',
              children: p.issuedOn ? formatDate(p.issuedOn) : '—',
            },
            { key: 'issuer', label: 'Cơ quan ban hành', children: p.issuingUnit.name },
            { key: 'type', label: 'Loại văn bản', children: planDocTypeLabels[p.docType] },
            {
              key: 'period',
              label: 'Thời gian thực hiện',
              children: periodText(p.periodStart, p.periodEnd) || '—',
            },
            {
              key: 'registration',
              label: 'Hạn đăng ký thi đua',
              children: p.registrationDeadline ? formatDate(p.registrationDeadline) : '—',
            },
            ...(p.mode
              ? [{ key: 'mode', label: 'Hình thức', children: campaignModeLabels[p.mode] }]
              : []),
          ]}
        />
        <Flex gap={8} wrap style={{ marginTop: 16 }}>
          <Button type="primary" icon={<FileWordOutlined />} href={publicDocumentUrl(p.id, 'docx')}>
            Tải văn bản (.docx)
          </Button>
          <Button icon={<FilePdfOutlined />} href={publicDocumentUrl(p.id, 'pdf')}>
            Tải văn bản (.pdf)
          </Button>
        </Flex>
      </Card>
      <Card title="Nội dung kế hoạch">
        <PlanBody plan={p} />
      </Card>
      <PublicResults planId={p.id} />
    </>
  );
}

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

function PlanBody({ plan }: { plan: PublicPlan }) {
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
