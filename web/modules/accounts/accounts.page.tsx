import { useState } from 'react';
import { App, Button, Card, Flex, Input, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import {
  KeyOutlined,
  LockOutlined,
  PlusOutlined,
  SafetyCertificateOutlined,
  UnlockOutlined,
} from '@ant-design/icons';
import { isApiError } from '../../api/client';
import { sameId } from '../../api/types';
import type { Id } from '../../api/types';
import { useCurrentUser } from '../../shell/current-user';
import { ErrorAlert } from '../../ui/error-alert';
import { formatDateTime } from '../../ui/format';
import { useDebouncedValue } from '../../ui/hooks';
import { FilterCard, FilterField } from '../../ui/list-filters';
import { PageHeader } from '../../ui/page-header';
import { CreateAccountModal, ResetPasswordModal } from './account-modals';
import type { AccountRow } from './accounts.api';
import { useAccounts, useUpdateAccount } from './accounts.api';
import { GrantsModal } from './grants-modal';

export default function AccountsPage() {
  const me = useCurrentUser();
  const [search, setSearch] = useState('');
  const term = useDebouncedValue(search.trim(), 300);
  const [page, setPage] = useState(1);
  const accounts = useAccounts(term, page);
  const update = useUpdateAccount();
  const { modal, message } = App.useApp();
  const [creating, setCreating] = useState(false);
  const [grantsFor, setGrantsFor] = useState<Id | null>(null);
  const [resetFor, setResetFor] = useState<AccountRow | null>(null);

  const items = accounts.data?.items ?? [];
  const grantsAccount = items.find((a) => sameId(a.id, grantsFor)) ?? null;

  const toggleActive = (a: AccountRow) => {
    const deactivating = a.active;
    void modal.confirm({
      title: deactivating ? `Khoá tài khoản ${a.username}?` : `Mở khoá tài khoản ${a.username}?`,
      content: deactivating
        ? 'Người dùng sẽ bị đăng xuất và không đăng nhập được cho tới khi được mở khoá.'
        : 'Người dùng sẽ đăng nhập lại được.',
      okText: deactivating ? 'Khoá' : 'Mở khoá',
      okButtonProps: { danger: deactivating },
      cancelText: 'Huỷ',
      onOk: () =>
        update
          .mutateAsync({ id: a.id, active: !deactivating })
          .then(
            () =>
              void message.success(deactivating ? 'Đã khoá tài khoản.' : 'Đã mở khoá tài khoản.'),
          )
          .catch(
            (e: unknown) =>
              void message.error(isApiError(e) ? e.message : 'Không lưu được thay đổi.'),
          ),
    });
  };

  const columns: TableColumnsType<AccountRow> = [
    {
      title: 'Tên đăng nhập',
      dataIndex: 'username',
      width: 190,
      render: (u: string) => <strong>{u}</strong>,
    },
    { title: 'Tên hiển thị', dataIndex: 'displayName', width: 200, responsive: ['sm'] },
    {
      title: 'Vai trò',
      dataIndex: 'grants',
      render: (_: unknown, a) =>
        a.grants.length === 0 ? (
          <Tag>Chưa phân quyền</Tag>
        ) : (
          <Flex vertical gap={4}>
            {a.grants.map((g, i) => (
              <span key={g.id === undefined ? i : String(g.id)}>
                <Tag color="red" style={{ marginInlineEnd: 8 }}>
                  {g.roleLabel}
                </Tag>
                {g.unitName ?? 'Toàn hệ thống'}
              </span>
            ))}
          </Flex>
        ),
    },
    {
      title: 'Trạng thái',
      dataIndex: 'active',
      width: 110,
      render: (active: boolean) =>
        active ? <Tag color="green">Hoạt động</Tag> : <Tag>Đã khoá</Tag>,
    },
    {
      title: 'Đăng nhập gần nhất',
      dataIndex: 'lastLoginAt',
      responsive: ['lg'],
      render: (v: string | null | undefined) => (v ? formatDateTime(v) : '—'),
    },
    {
      title: 'Thao tác',
      key: 'actions',
      width: 390,
      render: (_: unknown, a) => (
        <Flex gap={4} wrap>
          <Button
            size="small"
            icon={<SafetyCertificateOutlined />}
            onClick={() => setGrantsFor(a.id)}
            aria-label={`Phân quyền ${a.username}`}
          >
            Phân quyền
          </Button>
          <Button
            size="small"
            icon={<KeyOutlined />}
            onClick={() => setResetFor(a)}
            aria-label={`Đặt lại mật khẩu ${a.username}`}
          >
            Đặt lại mật khẩu
          </Button>
          {!sameId(a.id, me.user.id) && (
            <Button
              size="small"
              danger={a.active}
              icon={a.active ? <LockOutlined /> : <UnlockOutlined />}
              onClick={() => toggleActive(a)}
              aria-label={`${a.active ? 'Khoá' : 'Mở khoá'} ${a.username}`}
            >
              {a.active ? 'Khoá' : 'Mở khoá'}
            </Button>
          )}
        </Flex>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="Tài khoản & phân quyền"
        subtitle="Vai trò được cấp tại một đơn vị và có hiệu lực ở mọi đơn vị trực thuộc"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            Tạo tài khoản
          </Button>
        }
      />
      <FilterCard>
        <FilterField
          label="Tìm tài khoản"
          id="account-search"
          style={{ marginBottom: 0, maxWidth: 420 }}
        >
          <Input.Search
            id="account-search"
            allowClear
            placeholder="Tên đăng nhập hoặc tên hiển thị"
            value={search}
            onChange={(e) => {
              setSearch(e.target.value);
              setPage(1);
            }}
          />
        </FilterField>
      </FilterCard>
      <ErrorAlert error={accounts.error} />
      <Card size="small">
        <Table<AccountRow>
          rowKey={(a) => String(a.id)}
          loading={accounts.isFetching}
          dataSource={items}
          columns={columns}
          scroll={{ x: 1200 }}
          pagination={{
            current: page,
            pageSize: 20,
            total: accounts.data?.total ?? 0,
            showSizeChanger: false,
            onChange: setPage,
            showTotal: (t) => `${t} tài khoản`,
          }}
        />
      </Card>
      <CreateAccountModal open={creating} onClose={() => setCreating(false)} />
      <GrantsModal account={grantsAccount} onClose={() => setGrantsFor(null)} />
      <ResetPasswordModal account={resetFor} onClose={() => setResetFor(null)} />
    </>
  );
}
