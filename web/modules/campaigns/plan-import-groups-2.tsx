import { Col, DatePicker, Form, Input, Row, Select } from 'antd';
import {
  personCategories,
  personCategoryLabels,
  unitKindLabels,
  unitKinds,
} from '../../../shared/org';
import type { FoundPlan, PlanReading } from './plan-import.api';
import {
  DATE_FORMAT,
  Excerpts,
  Group,
  MissingHint,
  RowListField,
  TextListField,
} from './plan-import-fields';

/** The review form's cards for the period and deadlines, who takes part, what and how to report. */

export function TimeGroup({ reading }: { reading: PlanReading }) {
  const { found } = reading;
  const cascadeIndex = found.deadlines.findIndex(
    (d) => reading.draft.cascadeDeadline !== null && d.date === reading.draft.cascadeDeadline,
  );
  return (
    <Group title="Thời gian & hạn">
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <DateField label="Thời gian bắt đầu" name="periodStart" found={found.periodStart} />
        </Col>
        <Col xs={24} sm={12}>
          <DateField label="Thời gian kết thúc" name="periodEnd" found={found.periodEnd} />
        </Col>
        <Col xs={24} sm={12}>
          <DateField
            label="Hạn đăng ký thi đua"
            name="registrationDeadline"
            found={found.registrationDeadline}
          />
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            label="Hạn ban hành kế hoạch cấp dưới"
            name="cascadeDeadline"
            extra={
              <Excerpts
                path={cascadeIndex >= 0 ? `deadlines.${cascadeIndex}` : null}
                missing={reading.draft.cascadeDeadline === null}
              />
            }
          >
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <RowListField
        name={['content', 'deadlines']}
        found="deadlines"
        label="Các mốc thời hạn khác"
        rowLabel="Mốc"
        missing={found.deadlines.length === 0}
        newRow={() => ({ label: '', date: null })}
        addLabel="Thêm mốc thời hạn"
        renderRow={(field, i) => (
          <Row gutter={8}>
            <Col xs={24} sm={16}>
              <Form.Item
                name={[field.name, 'label']}
                rules={[{ required: true, whitespace: true, message: 'Nhập nội dung mốc' }]}
                style={{ marginBottom: 8 }}
              >
                <Input.TextArea
                  autoSize={{ minRows: 1, maxRows: 4 }}
                  aria-label={`Mốc ${i + 1} — nội dung`}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8}>
              <Form.Item
                name={[field.name, 'date']}
                rules={[{ required: true, message: 'Chọn ngày' }]}
                style={{ marginBottom: 8 }}
              >
                <DatePicker
                  format={DATE_FORMAT}
                  style={{ width: '100%' }}
                  aria-label={`Mốc ${i + 1} — ngày`}
                />
              </Form.Item>
            </Col>
          </Row>
        )}
      />
    </Group>
  );
}

export function ParticipantsGroup({ reading }: { reading: PlanReading }) {
  const { found } = reading;
  return (
    <Group title="Đối tượng">
      <TextListField
        name={['content', 'participants', 'collectives']}
        found="participants.collectives"
        label="Tập thể"
        rowLabel="Tập thể"
        missing={found.participants.collectives.length === 0}
      />
      <Form.Item
        label="Loại đơn vị tham gia (để hệ thống tính)"
        name={['content', 'participants', 'collectiveUnitKinds']}
        extra={
          <MissingHint>
            {reading.draft.content.participants.collectiveUnitKinds.length > 0
              ? 'Suy ra từ cách ghi “Tập thể” ở trên — hãy kiểm tra'
              : 'Không suy ra được từ văn bản — chọn nếu cần'}
          </MissingHint>
        }
      >
        <Select
          mode="multiple"
          allowClear
          options={unitKinds.map((k) => ({ value: k, label: unitKindLabels[k] }))}
        />
      </Form.Item>
      <TextListField
        name={['content', 'participants', 'individuals']}
        found="participants.individuals"
        label="Cá nhân"
        rowLabel="Cá nhân"
        missing={found.participants.individuals.length === 0}
      />
      <Form.Item
        label="Nhóm cá nhân tham gia (để hệ thống tính)"
        name={['content', 'participants', 'individualCategories']}
        extra={
          <MissingHint>
            {reading.draft.content.participants.individualCategories.length > 0
              ? 'Suy ra từ cách ghi “Cá nhân” ở trên — hãy kiểm tra'
              : 'Không suy ra được từ văn bản — chọn nếu cần'}
          </MissingHint>
        }
      >
        <Select
          mode="multiple"
          allowClear
          options={personCategories.map((c) => ({
            value: c,
            label: personCategoryLabels[c],
          }))}
        />
      </Form.Item>
      <TextListField
        name={['content', 'participants', 'excluded']}
        found="participants.excluded"
        label="Không thuộc đối tượng"
        rowLabel="Trường hợp loại trừ"
        missing={found.participants.excluded.length === 0}
      />
    </Group>
  );
}

export function ContentsGroup({ found }: { found: FoundPlan }) {
  return (
    <Group title="Nội dung">
      <TextListField
        name={['content', 'contents']}
        found="contents"
        label="Nội dung thi đua"
        rowLabel="Nội dung"
        missing={found.contents.length === 0}
        addLabel="Thêm nội dung"
      />
    </Group>
  );
}

export function CriteriaGroup({ found }: { found: FoundPlan }) {
  return (
    <Group title="Tiêu chí">
      <TextListField
        name={['content', 'criteria', 'collective']}
        found="criteria.collective"
        label="Tiêu chí đối với tập thể"
        rowLabel="Tiêu chí tập thể"
        missing={found.criteria.collective.length === 0}
        addLabel="Thêm tiêu chí"
      />
      <TextListField
        name={['content', 'criteria', 'individual']}
        found="criteria.individual"
        label="Tiêu chí đối với cá nhân"
        rowLabel="Tiêu chí cá nhân"
        missing={found.criteria.individual.length === 0}
        addLabel="Thêm tiêu chí"
      />
    </Group>
  );
}

export function DossierGroup({ found }: { found: FoundPlan }) {
  return (
    <Group title="Hồ sơ">
      <Form.Item label="Hồ sơ gửi tới (cấp nhận)" name={['content', 'dossier', 'level']}>
        <Input />
      </Form.Item>
      <TextListField
        name={['content', 'dossier', 'items']}
        found="dossier"
        label="Thành phần hồ sơ đề nghị khen thưởng"
        rowLabel="Thành phần hồ sơ"
        missing={found.dossier.length === 0}
      />
    </Group>
  );
}

export function SignerGroup({ found }: { found: FoundPlan }) {
  return (
    <Group title="Người ký">
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item label="Thẩm quyền ký" name={['content', 'signer', 'authority']}>
            <Input placeholder="TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            label="Chức vụ người ký"
            name={['content', 'signer', 'title']}
            dependencies={[
              ['content', 'signer', 'name'],
              ['content', 'signer', 'authority'],
            ]}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_r, v: string | null) => {
                  const other = [
                    getFieldValue(['content', 'signer', 'name']) as unknown,
                    getFieldValue(['content', 'signer', 'authority']) as unknown,
                  ].some((x) => typeof x === 'string' && x.trim() !== '');
                  return other && !(v ?? '').trim()
                    ? Promise.reject(new Error('Nhập chức vụ người ký'))
                    : Promise.resolve();
                },
              }),
            ]}
          >
            <Input placeholder="CHỦ TỊCH" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        label="Họ và tên"
        name={['content', 'signer', 'name']}
        extra={<Excerpts path="signer" missing={found.signer === null} />}
      >
        <Input />
      </Form.Item>
    </Group>
  );
}

export function RecipientsGroup({ found }: { found: FoundPlan }) {
  return (
    <Group title="Nơi nhận">
      <TextListField
        name={['content', 'recipients']}
        found="recipients"
        label="Nơi nhận"
        rowLabel="Nơi nhận"
        missing={found.recipients.length === 0}
        addLabel="Thêm nơi nhận"
      />
    </Group>
  );
}

function DateField({
  label,
  name,
  found,
}: {
  label: string;
  name: 'periodStart' | 'periodEnd' | 'registrationDeadline';
  found: string | null;
}) {
  return (
    <Form.Item label={label} name={name} extra={<Excerpts path={name} missing={found === null} />}>
      <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
    </Form.Item>
  );
}
