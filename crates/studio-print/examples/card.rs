//! Writes sample cards to a directory, for looking at the layout:
//!
//! ```sh
//! cargo run -p studio-print --example card -- /tmp/cards
//! ```
//! Produces `blank.pdf`, `filled.pdf` and `long.pdf` (long texts that continue on a 续页).

use std::path::PathBuf;

use studio_print::{blank_cards, filled_card, CardData, CardDate, Channel};

fn sample() -> CardData {
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
        channel: Some(Channel::Studio),
        channel_other_text: String::new(),
        group_size: Some(3),
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

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| ".".into()));
    std::fs::create_dir_all(&dir)?;

    std::fs::write(dir.join("blank.pdf"), blank_cards(1)?.pdf)?;

    let filled = filled_card(&sample())?;
    std::fs::write(dir.join("filled.pdf"), &filled.pdf)?;

    let mut long = sample();
    long.channel = Some(Channel::Other);
    long.channel_other_text = "座谈会".into();
    long.opinion = long.opinion.repeat(12);
    long.handling = long.handling.repeat(6);
    let long = filled_card(&long)?;
    std::fs::write(dir.join("long.pdf"), &long.pdf)?;

    println!(
        "wrote {} (blank, filled: {} page(s), long: {} page(s))",
        dir.display(),
        filled.page_count,
        long.page_count
    );
    Ok(())
}
