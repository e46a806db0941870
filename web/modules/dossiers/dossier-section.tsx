import { useEffect, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Drawer,
  Flex,
  Form,
  Input,
  Skeleton,
  Tag,
  Typography,
} from 'antd';
import { DownloadOutlined, FileTextOutlined, LockOutlined, SaveOutlined } from '@ant-design/icons';
import { dossierDocumentLabels, reportVariantLabels } from '../../../shared/dossiers';
import {
  nominationRoundLabels,
  type NominationRound,
  type NominationStatus,
} from '../../../shared/nominations';
import { ErrorAlert } from '../../ui/error-alert';
import { useIsMobile } from '../../ui/hooks';
import { useCan } from '../../shell/current-user';
import {
  reportUrl,
  requestUrl,
  useDossierRequest,
  useNominationDossier,
  useOpenDossierRequest,
  useSaveNominationParts,
  useSaveRequestParts,
  type NominationDossier,
} from './dossiers.api';

type Parts = NominationDossier['parts'];
type Save = (parts: { key: string; text: string; version: number }[]) => void;

/**
 * The free-text parts of a dossier document as textareas (read-only, with the reason, once
 * frozen on submission or without the right), a save button for the changed parts and the
 * downloads.
 */
function PartsEditor(props: {
  title: string;
  frozen: boolean;
  readOnlyReason: string | null;
  canEdit: boolean;
  parts: Parts;
  saving: boolean;
  error: unknown;
  onSave: Save;
  downloads: { label: string; href: string }[];
}) {
  const [texts, setTexts] = useState<Record<string, string>>({});
  useEffect(() => {
    setTexts(Object.fromEntries(props.parts.map((p) => [p.key, p.text])));
  }, [props.parts]);
  const changed = props.parts.filter((p) => (texts[p.key] ?? p.text) !== p.text);

  return (
    <section aria-label={props.title}>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <Typography.Text strong>{props.title}</Typography.Text>
        {props.frozen && (
          <Tag icon={<LockOutlined />} color="default">
            Đã chốt khi gửi
          </Tag>
        )}
      </Flex>
      {props.readOnlyReason !== null && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={props.readOnlyReason} />
      )}
      {props.error ? <ErrorAlert error={props.error} /> : null}
      <Form layout="vertical" disabled={!props.canEdit}>
        {props.parts.map((p) => (
          <Form.Item key={p.key} label={p.label} htmlFor={`dossier-${p.key}`}>
            <Input.TextArea
              id={`dossier-${p.key}`}
              autoSize={{ minRows: p.lines ? 2 : 3, maxRows: 12 }}
              value={texts[p.key] ?? p.text}
              onChange={(ev) => setTexts((t) => ({ ...t, [p.key]: ev.target.value }))}
            />
          </Form.Item>
        ))}
      </Form>
      <Flex gap={8} wrap>
        {props.canEdit && (
          <Button
            type="primary"
            icon={<SaveOutlined />}
            disabled={changed.length === 0}
            loading={props.saving}
            onClick={() =>
              props.onSave(
                changed.map((p) => ({ key: p.key, text: texts[p.key] ?? '', version: p.version })),
              )
            }
          >
            Lưu nội dung
          </Button>
        )}
        {props.downloads.map((d) => (
          <Button key={d.href} icon={<DownloadOutlined />} href={d.href}>
            {d.label}
          </Button>
        ))}
      </Flex>
    </section>
  );
}

/**
 * "Hồ sơ" of a nomination: the parts of its report of achievements and its downloads. Embedded
 * in the nomination's page or drawer.
 */
export function DossierSection({ nominationId }: { nominationId: number }) {
  const dossier = useNominationDossier(nominationId);
  const save = useSaveNominationParts(nominationId);
  const { message } = App.useApp();
  if (dossier.error) return <ErrorAlert error={dossier.error} />;
  const d = dossier.data;
  if (!d) return <Skeleton active />;
  return (
    <PartsEditor
      title={reportVariantLabels[d.variant]}
      {...d}
      saving={save.isPending}
      error={save.error}
      onSave={(parts) =>
        save.mutate({ parts }, { onSuccess: () => void message.success('Đã lưu nội dung hồ sơ.') })
      }
      downloads={(['docx', 'pdf'] as const).map((f) => ({
        label: `${dossierDocumentLabels.report} (.${f})`,
        href: reportUrl(nominationId, f),
      }))}
    />
  );
}

/** A tờ trình: the nominations it covers, its parts, the tờ trình and list downloads. */
export function DossierRequestSection({ requestId }: { requestId: number }) {
  const request = useDossierRequest(requestId);
  const save = useSaveRequestParts(requestId);
  const { message } = App.useApp();
  if (request.error) return <ErrorAlert error={request.error} />;
  const r = request.data;
  if (!r) return <Skeleton active />;
  return (
    <>
      <Typography.Paragraph type="secondary">
        {`Kèm ${r.nominations.length} đề nghị: `}
        {r.nominations.map((n) => `${n.subjectName} (${n.formName})`).join('; ')}
      </Typography.Paragraph>
      <PartsEditor
        title={`${dossierDocumentLabels.request} của ${r.proposingUnit.name}`}
        {...r}
        saving={save.isPending}
        error={save.error}
        onSave={(parts) =>
          save.mutate({ parts }, { onSuccess: () => void message.success('Đã lưu tờ trình.') })
        }
        downloads={(['request', 'list'] as const).flatMap((doc) =>
          (['docx', 'pdf'] as const).map((f) => ({
            label: `${dossierDocumentLabels[doc]} (.${f})`,
            href: requestUrl(requestId, doc, f),
          })),
        )}
      />
    </>
  );
}

/** A nomination as the plan tab lists it: enough to group the tờ trình by round and unit. */
type ListedNomination = {
  round: NominationRound;
  status: NominationStatus;
  proposingUnit: { id: number; name: string };
};

/**
 * The tờ trình of each proposing unit and round among a plan's live nominations, for a user who
 * may propose: "Tờ trình" opens it (made once on the server, which checks the unit) in a drawer
 * with its parts and downloads. Mounted on the plan tab "Khen thưởng".
 */
export function DossierRequests({
  planId,
  nominations,
}: {
  planId: number;
  nominations: readonly ListedNomination[];
}) {
  const canPropose = useCan('nomination.submit');
  const open = useOpenDossierRequest(planId);
  const [requestId, setRequestId] = useState<number | null>(null);
  const mobile = useIsMobile();
  const groups = new Map<string, { round: NominationRound; unit: { id: number; name: string } }>();
  for (const n of nominations)
    if (n.status !== 'withdrawn' && n.status !== 'rejected')
      groups.set(`${n.round}:${n.proposingUnit.id}`, { round: n.round, unit: n.proposingUnit });
  if (!canPropose || groups.size === 0) return null;
  return (
    <Card size="small" title="Tờ trình đề nghị khen thưởng của đơn vị" className="dossier-requests">
      <ErrorAlert error={open.error} />
      <Flex vertical gap={8}>
        {[...groups.entries()].map(([key, g]) => (
          <Flex key={key} gap={8} wrap align="center" justify="space-between">
            <span>
              {g.unit.name} — {nominationRoundLabels[g.round]}
            </span>
            <Button
              icon={<FileTextOutlined />}
              loading={open.isPending && open.variables?.proposingUnitId === g.unit.id}
              onClick={() =>
                open.mutate(
                  { round: g.round, proposingUnitId: g.unit.id },
                  { onSuccess: (r) => setRequestId(r.id) },
                )
              }
            >
              {dossierDocumentLabels.request}
            </Button>
          </Flex>
        ))}
      </Flex>
      <Drawer
        open={requestId !== null}
        onClose={() => setRequestId(null)}
        title={dossierDocumentLabels.request}
        size={mobile ? '100%' : 640}
        destroyOnHidden
      >
        {requestId !== null && <DossierRequestSection requestId={requestId} />}
      </Drawer>
    </Card>
  );
}
