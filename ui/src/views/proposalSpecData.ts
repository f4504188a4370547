// Sample proposals and activities for the 提议 / 活动调研 specs, shaped as the core answers them
// (types from the generated bindings).
import type { AppStatus, Proposal, ProposalDetail, ProposalUnit, Role, SurveyIndicator } from '@/api'

export function status(role: Role, delegationId: string | null = null): AppStatus {
  return {
    version: '0.1.0',
    db_path: ':memory:',
    has_accounts: true,
    setup: 'demo',
    operator: { id: 'account:a1', name: '测试', role, delegate_id: delegationId ? 'd1' : null, delegation_id: delegationId },
    session: 'active',
    studio_name: '党代表工作室',
    idle_lock_minutes: 15,
    demo_login: null,
    delegate_count: 3,
    delegation_count: 1,
  }
}

export function unit(name: string, answered: string | null): ProposalUnit {
  return {
    unit: name,
    referred_on: '2026-11-16',
    limit_days: 10,
    due_on: '2026-11-30',
    rounds: 1,
    answer: answered ? `${name}已落实。` : '',
    answered_on: answered,
    satisfaction: null,
    evaluation_note: '',
    evaluated_on: null,
    deadline: answered ? 'met' : 'overdue',
    days_left: answered ? null : -3,
  }
}

export function proposal(over: Partial<Proposal> = {}): Proposal {
  return {
    id: 'p1',
    no: '2026-0004',
    status: 'referred',
    delegation_id: 'g1',
    delegation_name: '理工代表团',
    title: '关于延长食堂晚餐供应时间的提议',
    problem: '晚课后食堂已停止供应。',
    suggestion: '建议延长至 20:00。',
    drafted_on: '2026-11-02',
    discussed_on: '2026-11-06',
    discussion_participants: '全团党代表',
    discussion_outcome: '同意提交',
    submitted_on: '2026-11-10',
    referred_on: '2026-11-16',
    closed_on: null,
    close_note: '',
    declined_on: null,
    decline_reason: '',
    chase_count: 1,
    items: [
      { id: 'i1', no: '2026-0012', title: '食堂晚餐供应时间短', status: 'in_progress' },
      { id: 'i2', no: '2026-0031', title: '晚课后无处就餐', status: 'received' },
      { id: 'i3', no: '2026-0044', title: '实验结束后食堂已关门', status: 'received' },
    ],
    units: [unit('后勤管理处', null), unit('教务处', '2026-11-20')],
    deadline: 'overdue',
    due_on: '2026-11-30',
    created_at: '2026-11-02T01:00:00.000Z',
    updated_at: '2026-11-20T01:00:00.000Z',
    version: 6,
    ...over,
  }
}

export function detail(over: Partial<ProposalDetail> = {}): ProposalDetail {
  return {
    proposal: proposal(),
    timeline: [
      { id: 'e1', proposal_id: 'p1', at: '', on: '2026-11-02', actor: '张建华', actor_role: 'head', kind: 'drafted', status: 'draft', text: '关于延长食堂晚餐供应时间的提议', data: {} },
      { id: 'e2', proposal_id: 'p1', at: '', on: '2026-11-16', actor: '王老师', actor_role: 'admin', kind: 'refer', status: 'referred', text: '交办：后勤管理处、教务处', data: {} },
    ],
    allowed: ['answer', 'evaluate', 'chase', 'note'],
    ...over,
  }
}

export const lights: SurveyIndicator[] = [
  { delegation_id: 'g1', delegation_name: '理工代表团', year: 2026, light: 'green', surveys: 2, last_on: '2026-10-10' },
  { delegation_id: 'g2', delegation_name: '人文社科代表团', year: 2026, light: 'red', surveys: 0, last_on: null },
]
