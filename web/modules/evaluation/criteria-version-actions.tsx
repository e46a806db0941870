import { useState } from 'react';
import { App, Button, Tooltip } from 'antd';
import {
  CheckCircleOutlined,
  CopyOutlined,
  FileExcelOutlined,
  SaveOutlined,
  UndoOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { criteriaExportUrl, useNewCriteriaVersion, usePublishCriteria } from './criteria.api';
import type { CriteriaVersion } from './criteria.api';
import { CreateCriteriaModal } from './criteria-create';
import { ImportCriteriaModal } from './criteria-import';

type Props = {
  v: CriteriaVersion;
  dirty: boolean;
  saving: boolean;
  onSave: () => void;
  onDiscard: () => void;
  /** A fresh version from the server (after import or publish). */
  onReplaced: (v: CriteriaVersion) => void;
  /** A refused publish or new version: the page shows why (tree problems, conflict). */
  onError: (e: unknown) => void;
};

/** The header buttons of a criteria version; what the server allows decides what is shown. */
export function CriteriaVersionActions(props: Props) {
  const { v, dirty, saving, onSave, onDiscard, onReplaced, onError } = props;
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  const publish = usePublishCriteria();
  const next = useNewCriteriaVersion();
  const [dialog, setDialog] = useState<'import' | 'copy' | null>(null);
  const editable = v.permissions.canEdit;
  const published = v.status === 'published';

  const confirmPublish = () =>
    modal.confirm({
      title: `Ban hành “${v.set.name}”, phiên bản ${v.number}?`,
      content:
        'Sau khi ban hành, phiên bản này không sửa được nữa và các kế hoạch thi đua có thể chọn để đánh giá. Muốn thay đổi phải tạo phiên bản mới.',
      okText: 'Ban hành',
      cancelText: 'Chưa ban hành',
      onOk: () =>
        publish
          .mutateAsync({ id: v.id, version: v.version })
          .then((r) => {
            void message.success('Đã ban hành bộ tiêu chí.');
            onReplaced(r);
          })
          .catch(onError),
    });

  const confirmNewVersion = () =>
    modal.confirm({
      title: 'Tạo phiên bản mới?',
      content: `Phiên bản mới bắt đầu là bản nháp sao chép phiên bản ${v.number}; phiên bản ${v.number} giữ nguyên cho các kế hoạch đang dùng.`,
      okText: 'Tạo phiên bản mới',
      cancelText: 'Hủy',
      onOk: () =>
        next
          .mutateAsync({ setId: v.set.id, basedOnVersionId: v.id })
          .then((r) => {
            void message.success(`Đã tạo bản nháp phiên bản ${r.number}.`);
            void navigate(`/criteria/${r.id}`);
          })
          .catch(onError),
    });

  return (
    <>
      {editable && (
        <Button
          type="primary"
          icon={<SaveOutlined />}
          disabled={!dirty}
          loading={saving}
          onClick={onSave}
        >
          Lưu
        </Button>
      )}
      {editable && dirty && (
        <Button icon={<UndoOutlined />} onClick={onDiscard}>
          Bỏ thay đổi
        </Button>
      )}
      {editable && (
        <Tooltip title={dirty ? 'Lưu các thay đổi trước khi ban hành' : undefined}>
          <Button
            icon={<CheckCircleOutlined />}
            disabled={dirty}
            loading={publish.isPending}
            onClick={confirmPublish}
          >
            Ban hành
          </Button>
        </Tooltip>
      )}
      {published && !v.set.isExample && v.permissions.canCopy && (
        <Button icon={<CopyOutlined />} loading={next.isPending} onClick={confirmNewVersion}>
          Tạo phiên bản mới
        </Button>
      )}
      {published && v.permissions.canCopy && (
        <Button icon={<CopyOutlined />} onClick={() => setDialog('copy')}>
          {v.set.isExample ? 'Tạo bộ tiêu chí từ mẫu' : 'Sao chép thành bộ mới'}
        </Button>
      )}
      {editable && (
        <Button icon={<UploadOutlined />} onClick={() => setDialog('import')}>
          Nhập Excel
        </Button>
      )}
      <Button icon={<FileExcelOutlined />} href={criteriaExportUrl(v.id)}>
        Xuất Excel
      </Button>
      <ImportCriteriaModal
        open={dialog === 'import'}
        version={v}
        dirty={dirty}
        onClose={() => setDialog(null)}
        onImported={onReplaced}
      />
      <CreateCriteriaModal open={dialog === 'copy'} onClose={() => setDialog(null)} basedOn={v} />
    </>
  );
}
