//! Sample cards shared by the integration tests and the benchmarks.
#![allow(dead_code)]

use studio_print::{CardData, CardDate, Channel};

/// A realistic filled card: every field set, two paragraphs of opinion, one of handling.
pub fn sample_card() -> CardData {
    CardData {
        contact_date: Some(CardDate::new(2024, 5, 16).expect("valid date")),
        delegate_name: "王建国".into(),
        delegation: "机关第一代表团".into(),
        delegate_unit_position: "计算机科学与技术学院 党委书记".into(),
        delegate_phone: "0571-88201234".into(),
        person_name: "李晓梅".into(),
        person_gender: "女".into(),
        person_age: "34".into(),
        person_political_status: "中共党员".into(),
        person_unit_position: "后勤保障处 科员".into(),
        person_phone: "13857101234".into(),
        person_address: "浙江省杭州市西湖区余杭塘路866号 lixiaomei@example.edu.cn".into(),
        channel: Some(Channel::Appointment),
        channel_other_text: String::new(),
        group_size: None,
        opinion: "学校东门外（靠近3号教学楼）的人行道破损严重，雨天积水，师生上下课通行不便，\
                  存在安全隐患。希望学校与属地街道协调，尽快修复路面并完善排水设施。\n\
                  另外，建议在东门增设非机动车停放区，缓解“乱停放”问题。"
            .into(),
        handling: "已于5月17日将情况转交后勤保障处，并与属地街道沟通。后勤保障处答复：\
                   人行道修复纳入暑期维修计划，7月底前完成；非机动车停放区已选址，\
                   6月上旬施划。已于5月20日电话反馈李晓梅同志，本人表示满意。"
            .into(),
    }
}

/// Chinese prose of exactly `chars` characters (ideographs and punctuation).
pub fn long_text(chars: usize) -> String {
    const SOURCE: &str = "党员群众反映的问题涉及教学科研、后勤服务、校园安全等多个方面，\
        希望学校相关部门高度重视，认真研究，及时答复，切实解决师生的急难愁盼问题；\
        同时建议建立长效机制，定期通报办理进展，接受师生监督。";
    SOURCE.chars().cycle().take(chars).collect()
}

/// `n` distinct filled cards, varied enough that the batch uses many glyphs.
pub fn batch(n: usize) -> Vec<studio_print::Card> {
    const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    const GIVEN: &str = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国晓梅志红文斌宇浩然欣怡子涵梓萱雨轩博文佳琪";
    let surnames: Vec<char> = SURNAMES.chars().collect();
    let given: Vec<char> = GIVEN.chars().collect();
    (0..n)
        .map(|i| {
            let mut card = sample_card();
            card.delegate_name =
                format!("{}{}", surnames[i % surnames.len()], given[i % given.len()]);
            card.person_name = format!(
                "{}{}{}",
                surnames[(i * 7 + 3) % surnames.len()],
                given[(i * 3 + 1) % given.len()],
                given[(i * 5 + 2) % given.len()]
            );
            card.person_phone = format!("138{:08}", i * 7919 % 100_000_000);
            card.channel = Some(Channel::ALL[i % 5]);
            card.opinion = format!("{}（第{}号）", long_text(200 + i % 300), i + 1);
            studio_print::Card::filled(card)
        })
        .collect()
}

/// Delegates on duty, "姓名（代表团）", varied in length.
const DELEGATES: [&str; 12] = [
    "张建华（理工代表团）",
    "李晓梅（机关第一代表团）",
    "王志强（马克思主义学院代表团）",
    "陈静（医学部代表团）",
    "刘国栋（离退休代表团）",
    "赵雅琴（信息学院代表团）",
    "孙伟（理工代表团）",
    "周文斌（机关第二代表团）",
    "吴秀兰（人文社科代表团）",
    "郑浩然（附属医院代表团）",
    "欧阳明远（机关第一代表团）",
    "黄磊（后勤保障代表团）",
];

/// A realistic month: every Tuesday and Thursday afternoon of December 2026 in the
/// studio, one Thursday also online in the morning (11 rows), two or three delegates a
/// slot.
pub fn sample_poster() -> studio_print::Poster {
    let days = [
        (1, "周二"),
        (3, "周四"),
        (8, "周二"),
        (10, "周四"),
        (15, "周二"),
        (17, "周四"),
        (22, "周二"),
        (24, "周四"),
        (29, "周二"),
        (31, "周四"),
    ];
    let mut rows = Vec::new();
    for (i, (day, weekday)) in days.into_iter().enumerate() {
        if day == 17 {
            rows.push(poster_row(day, weekday, "9:00—11:30", "网上工作室", 40, 2));
        }
        let count = if i % 3 == 2 { 3 } else { 2 };
        rows.push(poster_row(
            day,
            weekday,
            "14:30—17:00",
            "党代表工作室",
            i * 2,
            count,
        ));
    }
    poster(rows)
}

/// `n` rows: two slots a working day (morning in the studio, afternoon online) from
/// 1 December 2026 on, one to three delegates each.
pub fn long_poster(n: usize) -> studio_print::Poster {
    const WEEKDAYS: [&str; 7] = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"];
    // 1 December 2026 is a Tuesday (index 1).
    let working_days: Vec<(u32, &str)> = (1..=31u32)
        .map(|d| (d, WEEKDAYS[(d as usize) % 7]))
        .filter(|(_, w)| *w != "周六" && *w != "周日")
        .collect();
    let rows = (0..n)
        .map(|i| {
            let (day, weekday) = working_days[(i / 2) % working_days.len()];
            let (time, place) = if i % 2 == 0 {
                ("8:30—11:30", "党代表工作室")
            } else {
                ("14:30—17:00", "网上工作室")
            };
            poster_row(day, weekday, time, place, i * 5, 1 + i % 3)
        })
        .collect();
    poster(rows)
}

fn poster_row(
    day: u32,
    weekday: &str,
    time: &str,
    place: &str,
    first: usize,
    count: usize,
) -> studio_print::PosterRow {
    studio_print::PosterRow {
        date: format!("12月{day}日"),
        weekday: weekday.into(),
        time: time.into(),
        place: place.into(),
        delegates: (0..count)
            .map(|k| DELEGATES[(first + k * 5) % DELEGATES.len()].to_owned())
            .collect(),
    }
}

fn poster(rows: Vec<studio_print::PosterRow>) -> studio_print::Poster {
    studio_print::Poster {
        title: "党代表工作室接待安排（2026年12月）".into(),
        studio_name: "中共浙江理工大学党代表工作室".into(),
        rows,
        hotline: "0571-86843114".into(),
        opening_hours: "工作日 8:30—11:30，14:00—17:00".into(),
        note: "党员和群众可在接待时间内到党代表工作室（行政楼一楼103室）当面反映意见建议，\
               也可登录网上工作室留言；接待安排如有调整，以工作室通知为准。"
            .into(),
    }
}
