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
