import type { ReactNode } from 'react';
import { Badge, Card, Tag, Timeline, Typography } from 'antd';
import type { TimelineProps } from 'antd';
import { Link } from 'react-router';
import { ErrorAlert } from '../ui/error-alert';
import { formatDate } from '../ui/format';
import { useMyTodo, type MyTodo } from './home.api';
import './home.css';

/**
 * The home page's "Việc cần làm" and "Sắp đến hạn" cards, both from GET /api/me/todo. Days left
 * come from the server (its Vietnam date), not from the browser's clock.
 */

/** "còn 3 ngày" (default), "hôm nay" (orange), "quá hạn 2 ngày" (red). */
export function DaysTag({ daysLeft }: { daysLeft: number | null }) {
  if (daysLeft === null) return null;
  if (daysLeft < 0) return <Tag color="red">quá hạn {-daysLeft} ngày</Tag>;
  if (daysLeft === 0) return <Tag color="orange">hôm nay</Tag>;
  return <Tag>còn {daysLeft} ngày</Tag>;
}

/** One line of the to-do list: a count badge, the label (a link when given) and tags. */
function TodoLine(props: { count?: number; label: string; link?: string; children?: ReactNode }) {
  return (
    <div className="todo-line">
      {props.count !== undefined && (
        <Badge count={props.count} overflowCount={999} showZero className="todo-badge" />
      )}
      <span className="todo-label">
        {props.link ? (
          <Link to={props.link}>{props.label}</Link>
        ) : (
          <Typography.Text strong>{props.label}</Typography.Text>
        )}
      </span>
      {props.children && <span className="todo-tags">{props.children}</span>}
    </div>
  );
}

/** A group heading with its count, its short list, and how many more there are. */
function TodoGroup(props: { count: number; label: string; more?: string; children: ReactNode }) {
  return (
    <section className="todo-group">
      <TodoLine count={props.count} label={props.label} />
      <ul className="todo-sub">{props.children}</ul>
      {props.more && (
        <Typography.Text type="secondary" className="todo-more">
          {props.more}
        </Typography.Text>
      )}
    </section>
  );
}

function moreText(total: number, shown: number, what: string): string | undefined {
  return total > shown ? `và ${total - shown} ${what} khác` : undefined;
}

function TodoList({ data }: { data: MyTodo }) {
  const { reviews, sheets, cascade, registrations } = data.todo;
  if (data.total === 0)
    return <Typography.Text type="secondary">Không có việc nào đang chờ bạn.</Typography.Text>;
  return (
    <div className="todo-list">
      {reviews.count > 0 && (
        <TodoGroup
          count={reviews.count}
          label={reviews.label}
          more={moreText(reviews.planCount, reviews.items.length, 'kế hoạch')}
        >
          {reviews.items.map((p) => (
            <li key={String(p.planId)}>
              <TodoLine label={p.label} link={p.link}>
                <Tag color="blue">{p.count} chờ duyệt</Tag>
              </TodoLine>
            </li>
          ))}
        </TodoGroup>
      )}
      {sheets.count > 0 && (
        <section className="todo-group">
          <TodoLine count={sheets.count} label={sheets.label} link={sheets.link} />
        </section>
      )}
      {cascade.count > 0 && (
        <TodoGroup
          count={cascade.count}
          label={cascade.label}
          more={moreText(cascade.count, cascade.items.length, 'việc')}
        >
          {cascade.items.map((c) => (
            <li key={`${c.parentPlanId}-${c.unitId}`}>
              <TodoLine label={c.label} link={c.link}>
                {c.deadline && (
                  <Typography.Text type="secondary">Hạn {formatDate(c.deadline)}</Typography.Text>
                )}
                <DaysTag daysLeft={c.daysLeft} />
              </TodoLine>
            </li>
          ))}
        </TodoGroup>
      )}
      {registrations.count > 0 && (
        <TodoGroup
          count={registrations.count}
          label={registrations.label}
          more={moreText(registrations.count, registrations.items.length, 'kế hoạch')}
        >
          {registrations.items.map((p) => (
            <li key={String(p.planId)}>
              <TodoLine label={p.label} link={p.link}>
                <Tag color="blue">{p.unitsNotRegistered} đơn vị chưa đăng ký</Tag>
                <DaysTag daysLeft={p.daysLeft} />
              </TodoLine>
            </li>
          ))}
        </TodoGroup>
      )}
    </div>
  );
}

/** "Việc cần làm": what waits for the signed-in user now. */
export function TodoCard() {
  const todo = useMyTodo();
  return (
    <Card
      title="Việc cần làm"
      size="small"
      loading={todo.isPending}
      extra={todo.data && todo.data.total > 0 ? <Badge count={todo.data.total} /> : undefined}
    >
      {todo.error ? (
        <ErrorAlert error={todo.error} style={{ marginBottom: 0 }} />
      ) : (
        todo.data && <TodoList data={todo.data} />
      )}
    </Card>
  );
}

/** "Sắp đến hạn": the deadlines of the next days that concern the user, soonest first. */
export function DeadlinesCard() {
  const todo = useMyTodo();
  const data = todo.data;
  const items: NonNullable<TimelineProps['items']> = (data?.deadlines ?? []).map((d) => ({
    key: `${d.kind}-${d.planId}`,
    color: d.daysLeft === 0 ? 'orange' : 'blue',
    content: (
      <div className="deadline-item">
        <div>
          <Typography.Text strong>{formatDate(d.date)}</Typography.Text>{' '}
          <DaysTag daysLeft={d.daysLeft} />
        </div>
        <Link to={d.link} className="todo-label">
          {d.label}
        </Link>
      </div>
    ),
  }));
  return (
    <Card title="Sắp đến hạn" size="small" loading={todo.isPending}>
      {todo.error ? (
        <ErrorAlert error={todo.error} style={{ marginBottom: 0 }} />
      ) : items.length === 0 ? (
        <Typography.Text type="secondary">
          Không có hạn nào trong {data?.horizonDays ?? 30} ngày tới.
        </Typography.Text>
      ) : (
        <Timeline items={items} className="deadline-timeline" />
      )}
    </Card>
  );
}
