-- 016: the studio's own records (issue 11): news (工作室动态), wall documents (上墙制度), liaison
-- officers and volunteers (联络员与志愿者), funds (经费), and the liaison officer on duty of a
-- reception slot.

-- A news post: Markdown body (rendered safely by the core, never stored as HTML), images (file
-- names in the files folder's `news/`, a JSON array in display order), draft or published.
CREATE TABLE news (
    id            TEXT PRIMARY KEY,
    title         TEXT NOT NULL,
    date          TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    author        TEXT NOT NULL DEFAULT '',
    body          TEXT NOT NULL DEFAULT '',
    images        TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(images)),
    published     INTEGER NOT NULL DEFAULT 0 CHECK (published IN (0, 1)),
    published_at  TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    version       INTEGER NOT NULL DEFAULT 1,
    deleted_at    TEXT
);
CREATE INDEX news_list ON news(date DESC, created_at DESC) WHERE deleted_at IS NULL;
CREATE INDEX news_published ON news(date DESC, created_at DESC)
    WHERE deleted_at IS NULL AND published = 1;

-- The wall documents: one row per kind, a title and a Markdown body with placeholders
-- ({{roster}}, {{plan}}, {{year}}, {{studio}}, {{hotline}}, {{opening_hours}}) filled from the
-- data when shown or printed. The first texts come from the source document (潍院党办字〔2021〕12号).
CREATE TABLE wall_docs (
    kind        TEXT PRIMARY KEY
                CHECK (kind IN ('rules', 'workflow', 'duties', 'pledge', 'sign', 'roster', 'plan')),
    title       TEXT NOT NULL,
    body        TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    version     INTEGER NOT NULL DEFAULT 1
);

INSERT INTO wall_docs (kind, title, body, updated_at) VALUES
('rules', '党代表工作室工作制度',
'## 一、接待制度
党代表根据统一安排，定期到工作室接待基层党员群众的来访，听取他们对党的有关政策的咨询，对上级党组织重大决策部署在基层贯彻落实情况的反映，对加强党的自身建设方面的意见建议，对基层重大民意的反映，党员的民主权利受到侵害以及工作生活中遇到困难的帮扶请求等。工作室每月将参与接待的代表、接待的具体时间安排公布于网上工作室。党代表接待党员群众应认真填写《党代表联系党员和群众工作记录卡》，进行分类归档。

## 二、约见制度
党员群众可以按照工作室公布的党代表联系方式，根据自身问题约见相关党代表；党代表也可就关注的问题约谈或登门拜访党员群众，并填写《记录卡》交工作室。

## 三、走访调研制度
各代表团适时组织党代表开展调研活动，定期组织代表对党的建设、学风教风建设、队伍建设和思政建设等情况进行调研，为学院党委和基层党组织决策提供依据，一般每年不少于1次。

## 四、提议制度
代表团要将代表接待党员群众或约谈等途径掌握到的热点共性问题，定期组织代表开展讨论和分析，形成提议，提交到组织部，由组织部进行交办，督促解决。

## 五、网上接访制度
组织部安排专人定期登陆网上工作室，根据网上提出咨询的留言信息及时通知代表团团长或指定党代表，党代表可在网上答复或约见发起咨询的党员群众进行答复。

## 六、台账管理制度
工作室设立台账，建立健全来访接待首问责任、限时办结、服务承诺、情况报告、信息反馈等工作制度，做到谁接待、谁跟踪、谁负责，确保党员群众提出的意见建议件件有答复，事事有回音。',
'2021-10-27T00:00:00Z'),
('workflow', '党代表接待党员群众工作流程',
'1. **来访登记**：党员群众到工作室来访、拨打专线电话 {{hotline}}，或在网上工作室留言。
2. **接待听取**：接待的党代表认真听取意见建议，填写《党代表联系党员和群众工作记录卡》。
3. **登记台账**：工作室对记录卡分类归档、登记台账，明确首问责任人，做到谁接待、谁跟踪、谁负责。
4. **交办督办**：需要有关部门（单位）办理的，由组织部交办，限时办结。
5. **反馈答复**：向提出意见建议的党员群众反馈处理结果，做到件件有答复、事事有回音。
6. **汇总归档**：反馈后 3 个工作日内将记录卡交党代表工作室汇总，填写《党代表联系党员群众工作情况汇总表》。',
'2021-10-27T00:00:00Z'),
('duties', '党代表工作室联络员工作职责',
'1. 在党委组织部领导下，负责党代表工作室的日常事务，统筹、协调好工作室的各项活动。
2. 按照统一安排做好党代表接待日的准备和服务工作，每月将参与接待的代表和接待的具体时间安排公布于网上工作室。
3. 接听专线电话，登记来访、来电和网上留言，及时通知代表团团长或指定党代表。
4. 做好《党代表联系党员和群众工作记录卡》的收集、分类归档和台账登记，编制《党代表联系党员群众工作情况汇总表》。
5. 跟踪意见建议的交办和办理，做好情况报告和信息反馈，确保件件有答复、事事有回音。
6. 及时更新党代表信息名册，协助各代表团组织座谈、调研、培训等活动。
7. 组织党员志愿者服务队伍，为党员群众提供义务服务。',
'2021-10-27T00:00:00Z'),
('pledge', '党代表工作室服务承诺',
'我们郑重承诺：

1. **热情接待**：对来访、来电、留言的党员群众热情接待、耐心倾听，首问负责。
2. **限时办结**：对党员群众提出的意见建议及时登记、及时交办，限时办结。
3. **件件回音**：坚持谁接待、谁跟踪、谁负责，做到件件有答复、事事有回音。
4. **公开透明**：每月公布接待安排，公开党代表联系方式，接受党员群众监督。
5. **厉行节约**：工作室经费专款专用，坚持厉行节约的原则。

专线电话：{{hotline}}',
'2021-10-27T00:00:00Z'),
('sign', '党代表工作室标识', '知党情、听民声、谋发展、促和谐', '2021-10-27T00:00:00Z'),
('roster', '党代表名册', '{{roster}}', '2021-10-27T00:00:00Z'),
('plan', '{{year}}年党代表工作室活动安排',
'## 党代表接待日
{{plan}}

## 座谈与走访调研
各代表团以党代表工作室为阵地，在闭会期间定期或不定期组织党代表开展座谈、调研等活动，走访调研一般每年不少于1次。',
'2021-10-27T00:00:00Z');

-- Liaison officers (联络员) and the volunteer team (志愿者): party members first, with 入党积极分子
-- and 共青团员 beside them. `contact` is a phone number or an e-mail; lists mask it.
CREATE TABLE volunteers (
    id                TEXT PRIMARY KEY,
    name              TEXT NOT NULL,
    unit              TEXT NOT NULL DEFAULT '',
    contact           TEXT NOT NULL DEFAULT '',
    political_status  TEXT NOT NULL CHECK (political_status IN
                      ('party_member', 'probationary_member', 'activist', 'league_member',
                       'masses', 'other')),
    role              TEXT NOT NULL CHECK (role IN ('liaison', 'volunteer')),
    since             TEXT NOT NULL CHECK (since GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    until             TEXT CHECK (until IS NULL OR until >= since),
    notes             TEXT NOT NULL DEFAULT '',
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    version           INTEGER NOT NULL DEFAULT 1,
    deleted_at        TEXT
);
CREATE INDEX volunteers_list ON volunteers(role, name) WHERE deleted_at IS NULL;

-- The liaison officer on duty at a reception slot (optional).
ALTER TABLE duty_slots ADD COLUMN liaison_id TEXT REFERENCES volunteers(id);

-- Funds: a yearly budget per source, and spending entries. Amounts are integer fen (分), never
-- floating point.
CREATE TABLE fund_budgets (
    year         INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    source       TEXT NOT NULL CHECK (source IN ('college', 'party_fee')),
    amount_fen   INTEGER NOT NULL CHECK (amount_fen >= 0),
    note         TEXT NOT NULL DEFAULT '',
    updated_at   TEXT NOT NULL,
    version      INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (year, source)
) WITHOUT ROWID;

CREATE TABLE fund_spendings (
    id           TEXT PRIMARY KEY,
    date         TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    purpose      TEXT NOT NULL,
    amount_fen   INTEGER NOT NULL CHECK (amount_fen > 0),
    source       TEXT NOT NULL CHECK (source IN ('college', 'party_fee')),
    activity_id  TEXT NOT NULL DEFAULT '',
    receipt      TEXT,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    version      INTEGER NOT NULL DEFAULT 1,
    deleted_at   TEXT
);
CREATE INDEX fund_spendings_date ON fund_spendings(date, created_at) WHERE deleted_at IS NULL;
