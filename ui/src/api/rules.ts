// Generated from studio-core's rules (src/rules.rs) by src/bindings.rs. Do not edit by hand:
// run `UPDATE_BINDINGS=1 cargo test -p studio-core --test ts_bindings`.
// Labels, the steps each item status allows, default deadlines, field limits, search bounds
// and error codes, as the core defines them (DESIGN.md, invariant 13).

import type { Rules } from './types'

/** Every code an error from the backend carries (`ErrorPayload.code`). */
export type ErrorCode = 'validation' | 'not_found' | 'state' | 'conflict' | 'forbidden' | 'unauthenticated' | 'session_locked' | 'invalid' | 'storage' | 'migration' | 'io' | 'cancelled' | 'internal'

export const RULES: Rules = {
  "roles": [
    {
      "value": "admin",
      "label": "管理员"
    },
    {
      "value": "liaison",
      "label": "联络员"
    },
    {
      "value": "head",
      "label": "代表团团长"
    },
    {
      "value": "delegate",
      "label": "党代表"
    },
    {
      "value": "auditor",
      "label": "审计员"
    },
    {
      "value": "visitor",
      "label": "访客"
    },
    {
      "value": "system",
      "label": "系统"
    }
  ],
  "roster": {
    "genders": [
      {
        "value": "male",
        "label": "男"
      },
      {
        "value": "female",
        "label": "女"
      }
    ],
    "statuses": [
      {
        "value": "active",
        "label": "在任"
      },
      {
        "value": "left",
        "label": "离任"
      }
    ],
    "limits": {
      "delegation_name": 40,
      "delegation_note": 500,
      "name": 20,
      "unit": 60,
      "position": 60,
      "email": 254,
      "bio": 2000,
      "pledge": 1000,
      "term": 30,
      "display_order": {
        "min": 0,
        "max": 99999
      },
      "photo_bytes": 10485760
    }
  },
  "cards": {
    "channels": [
      {
        "value": "studio",
        "label": "党代表工作室"
      },
      {
        "value": "online",
        "label": "网上工作室"
      },
      {
        "value": "appointment",
        "label": "约见"
      },
      {
        "value": "home_visit",
        "label": "走访慰问"
      },
      {
        "value": "other",
        "label": "其他形式"
      }
    ],
    "political_statuses": [
      {
        "value": "party_member",
        "label": "中共党员"
      },
      {
        "value": "probationary_member",
        "label": "中共预备党员"
      },
      {
        "value": "league_member",
        "label": "共青团员"
      },
      {
        "value": "democratic_party",
        "label": "民主党派成员"
      },
      {
        "value": "independent",
        "label": "无党派人士"
      },
      {
        "value": "masses",
        "label": "群众"
      }
    ],
    "statuses": [
      {
        "value": "draft",
        "label": "草稿"
      },
      {
        "value": "submitted",
        "label": "已提交"
      }
    ],
    "deadline_states": [
      {
        "value": "none",
        "label": "未反馈",
        "flagged": false
      },
      {
        "value": "on_time",
        "label": "未到期",
        "flagged": false
      },
      {
        "value": "due_soon",
        "label": "即将到期",
        "flagged": true
      },
      {
        "value": "overdue",
        "label": "已逾期",
        "flagged": true
      },
      {
        "value": "filed_on_time",
        "label": "按时交回",
        "flagged": false
      },
      {
        "value": "filed_late",
        "label": "逾期交回",
        "flagged": true
      }
    ],
    "filing_workdays": 3,
    "due_soon_workdays": 1,
    "limits": {
      "person_name": 20,
      "unit_position": 50,
      "address": 100,
      "channel_other": 20,
      "text": 5000,
      "reason": 200,
      "age": {
        "min": 1,
        "max": 120
      },
      "group_size": {
        "min": 1,
        "max": 999
      },
      "blank_copies": {
        "min": 1,
        "max": 500
      }
    }
  },
  "items": {
    "statuses": [
      {
        "value": "received",
        "label": "受理",
        "open": true,
        "before_answer": true,
        "actions": [
          "refer",
          "referral_answer",
          "start",
          "answer",
          "pause",
          "decline",
          "extend",
          "chase",
          "escalate",
          "note"
        ],
        "paused_actions": [
          "resume",
          "referral_answer",
          "decline",
          "chase",
          "escalate",
          "note"
        ]
      },
      {
        "value": "assigned",
        "label": "交办",
        "open": true,
        "before_answer": true,
        "actions": [
          "refer",
          "referral_answer",
          "start",
          "answer",
          "pause",
          "decline",
          "extend",
          "chase",
          "escalate",
          "note"
        ],
        "paused_actions": [
          "resume",
          "referral_answer",
          "decline",
          "chase",
          "escalate",
          "note"
        ]
      },
      {
        "value": "in_progress",
        "label": "办理中",
        "open": true,
        "before_answer": true,
        "actions": [
          "refer",
          "referral_answer",
          "answer",
          "pause",
          "extend",
          "chase",
          "escalate",
          "note"
        ],
        "paused_actions": [
          "resume",
          "referral_answer",
          "chase",
          "escalate",
          "note"
        ]
      },
      {
        "value": "answered",
        "label": "已答复",
        "open": true,
        "before_answer": false,
        "actions": [
          "referral_answer",
          "feedback",
          "chase",
          "escalate",
          "note"
        ],
        "paused_actions": []
      },
      {
        "value": "fed_back",
        "label": "已反馈",
        "open": true,
        "before_answer": false,
        "actions": [
          "referral_answer",
          "follow_up",
          "chase",
          "escalate",
          "note"
        ],
        "paused_actions": []
      },
      {
        "value": "closed",
        "label": "办结",
        "open": false,
        "before_answer": false,
        "actions": [
          "note"
        ],
        "paused_actions": []
      },
      {
        "value": "declined",
        "label": "不予受理",
        "open": false,
        "before_answer": false,
        "actions": [
          "note"
        ],
        "paused_actions": []
      }
    ],
    "steps": [
      {
        "value": "resume",
        "label": "恢复办理",
        "needs_referral": false,
        "once": false
      },
      {
        "value": "refer",
        "label": "交办",
        "needs_referral": false,
        "once": false
      },
      {
        "value": "referral_answer",
        "label": "承办单位答复",
        "needs_referral": true,
        "once": false
      },
      {
        "value": "start",
        "label": "开始办理",
        "needs_referral": false,
        "once": false
      },
      {
        "value": "answer",
        "label": "答复",
        "needs_referral": false,
        "once": false
      },
      {
        "value": "feedback",
        "label": "反馈",
        "needs_referral": false,
        "once": false
      },
      {
        "value": "follow_up",
        "label": "回访",
        "needs_referral": false,
        "once": false
      },
      {
        "value": "pause",
        "label": "待补充",
        "needs_referral": false,
        "once": false
      },
      {
        "value": "decline",
        "label": "不予受理",
        "needs_referral": false,
        "once": false
      },
      {
        "value": "extend",
        "label": "延期",
        "needs_referral": false,
        "once": false
      },
      {
        "value": "chase",
        "label": "催办",
        "needs_referral": false,
        "once": false
      },
      {
        "value": "escalate",
        "label": "上报组织部",
        "needs_referral": false,
        "once": true
      },
      {
        "value": "note",
        "label": "备注",
        "needs_referral": false,
        "once": false
      }
    ],
    "categories": [
      {
        "value": "policy_inquiry",
        "label": "政策咨询",
        "default_days": 5
      },
      {
        "value": "implementation",
        "label": "贯彻落实反映",
        "default_days": 15
      },
      {
        "value": "party_building",
        "label": "党建意见建议",
        "default_days": 15
      },
      {
        "value": "public_opinion",
        "label": "重大民意反映",
        "default_days": 10
      },
      {
        "value": "rights",
        "label": "民主权利受侵害",
        "default_days": 10
      },
      {
        "value": "hardship",
        "label": "困难帮扶请求",
        "default_days": 10
      }
    ],
    "sources": [
      {
        "value": "card",
        "label": "记录卡"
      },
      {
        "value": "kiosk",
        "label": "自助终端"
      },
      {
        "value": "online",
        "label": "网上工作室"
      },
      {
        "value": "hotline",
        "label": "专线电话"
      },
      {
        "value": "appointment",
        "label": "约见"
      },
      {
        "value": "survey",
        "label": "走访调研"
      }
    ],
    "satisfactions": [
      {
        "value": "satisfied",
        "label": "满意",
        "closes": true
      },
      {
        "value": "basic",
        "label": "基本满意",
        "closes": true
      },
      {
        "value": "dissatisfied",
        "label": "不满意",
        "closes": false
      }
    ],
    "event_kinds": [
      {
        "value": "received",
        "label": "受理"
      },
      {
        "value": "routed",
        "label": "分派"
      },
      {
        "value": "edited",
        "label": "修改"
      },
      {
        "value": "card_linked",
        "label": "关联记录卡"
      },
      {
        "value": "notified",
        "label": "通知团长"
      },
      {
        "value": "refer",
        "label": "交办"
      },
      {
        "value": "referral_answer",
        "label": "承办单位答复"
      },
      {
        "value": "start",
        "label": "开始办理"
      },
      {
        "value": "answer",
        "label": "答复"
      },
      {
        "value": "feedback",
        "label": "反馈"
      },
      {
        "value": "follow_up",
        "label": "回访"
      },
      {
        "value": "reopened",
        "label": "重新办理"
      },
      {
        "value": "decline",
        "label": "不予受理"
      },
      {
        "value": "pause",
        "label": "待补充"
      },
      {
        "value": "resume",
        "label": "恢复办理"
      },
      {
        "value": "extend",
        "label": "延期"
      },
      {
        "value": "chase",
        "label": "催办"
      },
      {
        "value": "escalate",
        "label": "上报组织部"
      },
      {
        "value": "note",
        "label": "备注"
      },
      {
        "value": "proposal_linked",
        "label": "纳入提议"
      },
      {
        "value": "proposal_unlinked",
        "label": "移出提议"
      },
      {
        "value": "public_saved",
        "label": "整理公开答复"
      },
      {
        "value": "published",
        "label": "发布到代表回复"
      },
      {
        "value": "unpublished",
        "label": "撤回代表回复"
      }
    ],
    "deadline_states": [
      {
        "value": "on_track",
        "label": "正常"
      },
      {
        "value": "due_soon",
        "label": "即将到期"
      },
      {
        "value": "overdue",
        "label": "已逾期"
      },
      {
        "value": "paused",
        "label": "待补充"
      },
      {
        "value": "met",
        "label": "按期答复"
      },
      {
        "value": "late",
        "label": "逾期答复"
      },
      {
        "value": "none",
        "label": ""
      }
    ],
    "default_deadlines": {
      "policy_inquiry": 5,
      "implementation": 15,
      "party_building": 15,
      "public_opinion": 10,
      "rights": 10,
      "hardship": 10,
      "long_pause_days": 10,
      "version": 0
    },
    "due_soon_workdays": 3,
    "limits": {
      "title": 60,
      "content": 5000,
      "text": 2000,
      "person_name": 20,
      "contact": 100,
      "first_responder": 20,
      "unit": 60,
      "delegates": 5,
      "extend_days": {
        "min": 1,
        "max": 60
      },
      "category_days": {
        "min": 1,
        "max": 90
      },
      "long_pause_days": {
        "min": 1,
        "max": 60
      }
    }
  },
  "settings": {
    "studio_name": 40,
    "hotline": 30,
    "opening_hours": 100,
    "studio_intro": 2000,
    "kiosk_idle_seconds": {
      "min": 30,
      "max": 600
    },
    "idle_lock_minutes": {
      "min": 1,
      "max": 60
    },
    "audit_retention_months": {
      "min": 6,
      "max": 120
    },
    "backup_keep": {
      "min": 1,
      "max": 365
    }
  },
  "accounts": {
    "account_roles": [
      {
        "value": "admin",
        "label": "管理员"
      },
      {
        "value": "liaison",
        "label": "联络员"
      },
      {
        "value": "head",
        "label": "代表团团长"
      },
      {
        "value": "delegate",
        "label": "党代表"
      },
      {
        "value": "auditor",
        "label": "审计员"
      }
    ],
    "permissions": [
      {
        "role": "admin",
        "permissions": [
          "read_roster",
          "read_records",
          "edit_roster",
          "edit_own_profile",
          "edit_settings",
          "read_personal_data",
          "export_personal_data",
          "maintain",
          "edit_cards",
          "handle_items",
          "supervise",
          "manage_accounts",
          "read_audit",
          "administer_audit",
          "use_kiosk",
          "read_schedule",
          "edit_schedule",
          "handle_appointments",
          "import_records",
          "edit_studio",
          "manage_funds"
        ]
      },
      {
        "role": "liaison",
        "permissions": [
          "read_roster",
          "read_records",
          "read_personal_data",
          "edit_cards",
          "handle_items",
          "supervise",
          "export_personal_data",
          "read_schedule",
          "edit_schedule",
          "handle_appointments",
          "import_records",
          "edit_studio"
        ]
      },
      {
        "role": "head",
        "permissions": [
          "read_roster",
          "read_records",
          "read_personal_data",
          "edit_cards",
          "handle_items",
          "edit_own_profile",
          "read_schedule",
          "handle_appointments"
        ]
      },
      {
        "role": "delegate",
        "permissions": [
          "read_roster",
          "read_records",
          "read_personal_data",
          "edit_cards",
          "handle_items",
          "edit_own_profile",
          "read_schedule",
          "handle_appointments"
        ]
      },
      {
        "role": "auditor",
        "permissions": [
          "read_audit"
        ]
      },
      {
        "role": "visitor",
        "permissions": [
          "read_roster",
          "use_kiosk",
          "read_schedule"
        ]
      },
      {
        "role": "system",
        "permissions": [
          "read_roster",
          "read_records",
          "edit_roster",
          "edit_own_profile",
          "edit_settings",
          "read_personal_data",
          "export_personal_data",
          "maintain",
          "edit_cards",
          "handle_items",
          "supervise",
          "manage_accounts",
          "read_audit",
          "administer_audit",
          "use_kiosk",
          "read_schedule",
          "edit_schedule",
          "handle_appointments",
          "import_records",
          "edit_studio",
          "manage_funds"
        ]
      }
    ],
    "login_max": 32,
    "name_max": 20,
    "password_min": 8,
    "max_failed_attempts": 5,
    "lockout_minutes": 15,
    "audit_areas": [
      {
        "code": "session",
        "label": "登录与锁定"
      },
      {
        "code": "access",
        "label": "访问控制"
      },
      {
        "code": "account",
        "label": "账号"
      },
      {
        "code": "delegate",
        "label": "党代表"
      },
      {
        "code": "delegation",
        "label": "代表团"
      },
      {
        "code": "card",
        "label": "记录卡"
      },
      {
        "code": "card_amendment",
        "label": "记录卡更正"
      },
      {
        "code": "item",
        "label": "意见台账"
      },
      {
        "code": "calendar",
        "label": "工作日历"
      },
      {
        "code": "settings",
        "label": "设置"
      },
      {
        "code": "database",
        "label": "数据库"
      },
      {
        "code": "audit",
        "label": "审计日志"
      },
      {
        "code": "personal_data",
        "label": "个人信息"
      },
      {
        "code": "query_code",
        "label": "查询码"
      },
      {
        "code": "kiosk",
        "label": "自助终端"
      },
      {
        "code": "duty_slot",
        "label": "接待安排"
      },
      {
        "code": "schedule_month",
        "label": "接待安排发布"
      },
      {
        "code": "appointment",
        "label": "约见"
      },
      {
        "code": "activity",
        "label": "活动调研"
      },
      {
        "code": "proposal",
        "label": "提议"
      },
      {
        "code": "news",
        "label": "工作室动态"
      },
      {
        "code": "wall_doc",
        "label": "上墙制度"
      },
      {
        "code": "volunteer",
        "label": "联络员与志愿者"
      },
      {
        "code": "fund_budget",
        "label": "经费预算"
      },
      {
        "code": "fund_spending",
        "label": "经费支出"
      },
      {
        "code": "public_answer",
        "label": "代表回复"
      }
    ],
    "audit_actions": [
      {
        "code": "login",
        "label": "登录"
      },
      {
        "code": "login_failed",
        "label": "登录失败"
      },
      {
        "code": "logout",
        "label": "退出登录"
      },
      {
        "code": "lock",
        "label": "锁定"
      },
      {
        "code": "unlock",
        "label": "解锁"
      },
      {
        "code": "unlock_failed",
        "label": "解锁失败"
      },
      {
        "code": "account_locked",
        "label": "账号被锁定"
      },
      {
        "code": "create",
        "label": "新增"
      },
      {
        "code": "update",
        "label": "修改"
      },
      {
        "code": "delete",
        "label": "删除"
      },
      {
        "code": "view",
        "label": "查看完整记录"
      },
      {
        "code": "export",
        "label": "导出"
      },
      {
        "code": "print",
        "label": "打印"
      },
      {
        "code": "refused",
        "label": "拒绝访问"
      },
      {
        "code": "archive",
        "label": "归档"
      },
      {
        "code": "erase",
        "label": "删除个人信息"
      },
      {
        "code": "copy",
        "label": "导出个人信息副本"
      },
      {
        "code": "password_change",
        "label": "修改密码"
      },
      {
        "code": "password_reset",
        "label": "重置密码"
      },
      {
        "code": "route",
        "label": "分派"
      },
      {
        "code": "query_failed",
        "label": "查询进度失败"
      },
      {
        "code": "query_refused",
        "label": "查询过于频繁"
      },
      {
        "code": "publish",
        "label": "发布"
      },
      {
        "code": "copy_forward",
        "label": "沿用上月安排"
      },
      {
        "code": "swap",
        "label": "调换值班"
      },
      {
        "code": "poster_changed",
        "label": "海报待更新"
      },
      {
        "code": "poster_printed",
        "label": "打印海报"
      },
      {
        "code": "confirm",
        "label": "确认"
      },
      {
        "code": "complete",
        "label": "完成"
      },
      {
        "code": "cancel",
        "label": "取消"
      },
      {
        "code": "backup",
        "label": "备份"
      },
      {
        "code": "restore",
        "label": "恢复"
      },
      {
        "code": "unpublish",
        "label": "撤回发布"
      },
      {
        "code": "image",
        "label": "修改图片"
      },
      {
        "code": "receipt",
        "label": "上传票据"
      }
    ],
    "audit_results": [
      {
        "value": "ok",
        "label": "成功"
      },
      {
        "value": "refused",
        "label": "拒绝"
      },
      {
        "value": "failed",
        "label": "失败"
      }
    ]
  },
  "calendar": {
    "override_kinds": [
      {
        "value": "workday",
        "label": "上班"
      },
      {
        "value": "holiday",
        "label": "放假"
      }
    ],
    "note": 100,
    "years": {
      "min": 2000,
      "max": 2100
    }
  },
  "schedule": {
    "places": [
      {
        "value": "studio",
        "label": "工作室"
      },
      {
        "value": "online",
        "label": "网上工作室"
      }
    ],
    "copy_modes": [
      {
        "value": "weekday",
        "label": "按星期（每周同一天）"
      },
      {
        "value": "nth_weekday",
        "label": "按第几个星期（如每月第二个周二）"
      }
    ],
    "limits": {
      "delegates": {
        "min": 1,
        "max": 6
      },
      "place_note": 50,
      "note": 200
    }
  },
  "appointments": {
    "statuses": [
      {
        "value": "pending",
        "label": "待确认",
        "steps": [
          "confirm",
          "cancel"
        ],
        "editable": true
      },
      {
        "value": "confirmed",
        "label": "已确认",
        "steps": [
          "complete",
          "cancel"
        ],
        "editable": true
      },
      {
        "value": "completed",
        "label": "已完成",
        "steps": [],
        "editable": false
      },
      {
        "value": "cancelled",
        "label": "已取消",
        "steps": [],
        "editable": false
      }
    ],
    "steps": [
      {
        "value": "confirm",
        "label": "确认"
      },
      {
        "value": "complete",
        "label": "完成"
      },
      {
        "value": "cancel",
        "label": "取消"
      }
    ],
    "directions": [
      {
        "value": "request",
        "label": "群众约见代表"
      },
      {
        "value": "invitation",
        "label": "代表约谈群众"
      }
    ],
    "sources": [
      {
        "value": "staff",
        "label": "工作人员登记"
      },
      {
        "value": "kiosk",
        "label": "自助终端"
      },
      {
        "value": "online",
        "label": "网上工作室"
      }
    ],
    "default_place": "党代表工作室",
    "limits": {
      "person_name": 20,
      "place": 50,
      "topic": 500,
      "note": 200,
      "reason": 200
    }
  },
  "kiosk": {
    "message_name": 20,
    "message_text": 1000,
    "query_code_chars": 8,
    "query_code_alphabet": "23456789ABCDEFGHJKMNPQRSTUVWXYZ",
    "phone_digits": 4,
    "query_kinds": [
      {
        "value": "item",
        "label": "留言"
      },
      {
        "value": "appointment",
        "label": "约见"
      }
    ],
    "day_periods": [
      {
        "value": "morning",
        "label": "上午",
        "start": "08:00",
        "end": "12:00"
      },
      {
        "value": "afternoon",
        "label": "下午",
        "start": "14:30",
        "end": "17:30"
      }
    ],
    "request_days_ahead": 60,
    "request_topic": 500
  },
  "studio": {
    "news_statuses": [
      {
        "value": "draft",
        "label": "草稿"
      },
      {
        "value": "published",
        "label": "已发布"
      }
    ],
    "wall_kinds": [
      {
        "value": "rules",
        "label": "工作制度"
      },
      {
        "value": "workflow",
        "label": "接待工作流程"
      },
      {
        "value": "duties",
        "label": "联络员工作职责"
      },
      {
        "value": "pledge",
        "label": "服务承诺"
      },
      {
        "value": "sign",
        "label": "标识"
      },
      {
        "value": "roster",
        "label": "党代表名册"
      },
      {
        "value": "plan",
        "label": "活动安排"
      }
    ],
    "wall_placeholders": [
      {
        "code": "{{roster}}",
        "label": "党代表名册（按代表团，在任党代表）"
      },
      {
        "code": "{{plan}}",
        "label": "本年度已发布的接待安排（按月）"
      },
      {
        "code": "{{year}}",
        "label": "当前年份"
      },
      {
        "code": "{{studio}}",
        "label": "工作室名称（设置）"
      },
      {
        "code": "{{hotline}}",
        "label": "专线电话（设置）"
      },
      {
        "code": "{{opening_hours}}",
        "label": "开放时间（设置）"
      }
    ],
    "volunteer_roles": [
      {
        "value": "liaison",
        "label": "联络员"
      },
      {
        "value": "volunteer",
        "label": "志愿者"
      }
    ],
    "volunteer_statuses": [
      {
        "value": "party_member",
        "label": "中共党员"
      },
      {
        "value": "probationary_member",
        "label": "中共预备党员"
      },
      {
        "value": "activist",
        "label": "入党积极分子"
      },
      {
        "value": "league_member",
        "label": "共青团员"
      },
      {
        "value": "masses",
        "label": "群众"
      },
      {
        "value": "other",
        "label": "其他"
      }
    ],
    "fund_sources": [
      {
        "value": "college",
        "label": "学院预算"
      },
      {
        "value": "party_fee",
        "label": "党费划拨"
      }
    ],
    "publication_states": [
      {
        "value": "none",
        "label": "未整理"
      },
      {
        "value": "draft",
        "label": "未发布"
      },
      {
        "value": "published",
        "label": "已发布"
      },
      {
        "value": "withdrawn",
        "label": "已撤回"
      }
    ],
    "limits": {
      "news_title": 100,
      "news_author": 50,
      "news_images": 12,
      "markdown": 20000,
      "wall_title": 60,
      "volunteer_name": 30,
      "volunteer_unit": 60,
      "volunteer_contact": 60,
      "volunteer_notes": 500,
      "fund_purpose": 200,
      "fund_activity": 60,
      "receipt_mb": 10,
      "years": {
        "min": 2000,
        "max": 2100
      },
      "public_question": 2000,
      "public_answer": 2000
    }
  },
  "search": {
    "max_chars": 50,
    "max_words": 8
  },
  "errors": [
    {
      "code": "validation",
      "message": "输入有误"
    },
    {
      "code": "not_found",
      "message": "找不到记录"
    },
    {
      "code": "state",
      "message": "当前状态不允许此操作"
    },
    {
      "code": "conflict",
      "message": "该记录已被他人修改，请刷新后再看"
    },
    {
      "code": "forbidden",
      "message": "没有权限"
    },
    {
      "code": "unauthenticated",
      "message": "请先登录"
    },
    {
      "code": "session_locked",
      "message": "已锁定，请输入密码解锁"
    },
    {
      "code": "invalid",
      "message": "无法完成操作"
    },
    {
      "code": "storage",
      "message": "数据库出错"
    },
    {
      "code": "migration",
      "message": "数据库升级失败"
    },
    {
      "code": "io",
      "message": "文件读写失败"
    },
    {
      "code": "cancelled",
      "message": "已取消"
    },
    {
      "code": "internal",
      "message": "程序内部错误"
    }
  ],
  "proposals": {
    "statuses": [
      {
        "value": "draft",
        "label": "起草",
        "open": true,
        "editable": true,
        "actions": [
          "discuss",
          "note"
        ]
      },
      {
        "value": "discussed",
        "label": "团内讨论",
        "open": true,
        "editable": true,
        "actions": [
          "discuss",
          "submit",
          "note"
        ]
      },
      {
        "value": "submitted",
        "label": "提交组织部",
        "open": true,
        "editable": false,
        "actions": [
          "refer",
          "decline",
          "note"
        ]
      },
      {
        "value": "referred",
        "label": "交办",
        "open": true,
        "editable": false,
        "actions": [
          "answer",
          "evaluate",
          "chase",
          "note"
        ]
      },
      {
        "value": "answered",
        "label": "单位答复",
        "open": true,
        "editable": false,
        "actions": [
          "evaluate",
          "note"
        ]
      },
      {
        "value": "evaluated",
        "label": "评价",
        "open": true,
        "editable": false,
        "actions": [
          "close",
          "note"
        ]
      },
      {
        "value": "closed",
        "label": "办结",
        "open": false,
        "editable": false,
        "actions": [
          "note"
        ]
      },
      {
        "value": "declined",
        "label": "不予立案",
        "open": false,
        "editable": false,
        "actions": [
          "note"
        ]
      }
    ],
    "steps": [
      {
        "value": "discuss",
        "label": "团内讨论",
        "staff": false
      },
      {
        "value": "submit",
        "label": "提交组织部",
        "staff": false
      },
      {
        "value": "refer",
        "label": "交办",
        "staff": true
      },
      {
        "value": "answer",
        "label": "单位答复",
        "staff": true
      },
      {
        "value": "evaluate",
        "label": "评价",
        "staff": false
      },
      {
        "value": "close",
        "label": "办结",
        "staff": true
      },
      {
        "value": "decline",
        "label": "不予立案",
        "staff": true
      },
      {
        "value": "chase",
        "label": "催办",
        "staff": true
      },
      {
        "value": "note",
        "label": "备注",
        "staff": false
      }
    ],
    "event_kinds": [
      {
        "value": "drafted",
        "label": "起草"
      },
      {
        "value": "edited",
        "label": "修改"
      },
      {
        "value": "discuss",
        "label": "团内讨论"
      },
      {
        "value": "submit",
        "label": "提交组织部"
      },
      {
        "value": "refer",
        "label": "交办"
      },
      {
        "value": "answer",
        "label": "单位答复"
      },
      {
        "value": "evaluate",
        "label": "评价"
      },
      {
        "value": "sent_back",
        "label": "退回重办"
      },
      {
        "value": "close",
        "label": "办结"
      },
      {
        "value": "decline",
        "label": "不予立案"
      },
      {
        "value": "chase",
        "label": "催办"
      },
      {
        "value": "note",
        "label": "备注"
      }
    ],
    "limits": {
      "title": 60,
      "body": 5000,
      "participants": 300,
      "text": 2000,
      "unit": 60,
      "items": 30,
      "units": 8,
      "unit_days": {
        "min": 1,
        "max": 120
      }
    }
  },
  "activities": {
    "kinds": [
      {
        "value": "forum",
        "label": "座谈"
      },
      {
        "value": "field_survey",
        "label": "走访调研"
      },
      {
        "value": "training",
        "label": "培训"
      },
      {
        "value": "visit",
        "label": "走访慰问"
      },
      {
        "value": "reception_day",
        "label": "接待日"
      },
      {
        "value": "other",
        "label": "其他"
      }
    ],
    "survey_kind": "field_survey",
    "lights": [
      {
        "value": "green",
        "label": "已完成走访调研"
      },
      {
        "value": "amber",
        "label": "尚未开展走访调研"
      },
      {
        "value": "red",
        "label": "已过半年仍未开展走访调研"
      }
    ],
    "red_from": "07-01",
    "limits": {
      "topic": 60,
      "place": 60,
      "summary": 5000,
      "unit": 60,
      "head": 20,
      "delegates": 60,
      "units": 20,
      "items": 50,
      "days": 31,
      "attachment_bytes": 20971520,
      "attachments": 30,
      "file_name": 100,
      "extensions": [
        "pdf",
        "jpg",
        "jpeg",
        "png",
        "webp",
        "doc",
        "docx",
        "xls",
        "xlsx",
        "ppt",
        "pptx",
        "txt",
        "wps"
      ]
    }
  }
}
