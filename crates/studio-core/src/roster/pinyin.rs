//! Pinyin keys for roster search: "zjh" and "zhangjianhua" both find 张建华.

use pinyin::ToPinyin;

/// Surnames whose reading differs from the character's most common one (曾 is zēng as a name).
fn surname_reading(c: char) -> Option<&'static str> {
    Some(match c {
        '曾' => "zeng",
        '单' => "shan",
        '解' => "xie",
        '查' => "zha",
        '仇' => "qiu",
        '区' => "ou",
        '朴' => "piao",
        '盖' => "ge",
        '尉' => "yu",
        '乐' => "yue",
        '覃' => "qin",
        '缪' => "miao",
        '种' => "chong",
        '翟' => "zhai",
        '秘' => "bi",
        '冼' => "xian",
        _ => return None,
    })
}

/// One reading per Chinese character; a run of Latin letters or digits is one "word".
fn readings(name: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut latin = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_alphanumeric() {
            latin.push(c.to_ascii_lowercase());
            continue;
        }
        if !latin.is_empty() {
            out.push(std::mem::take(&mut latin));
        }
        let surname = if i == 0 { surname_reading(c) } else { None };
        if let Some(r) = surname {
            out.push(r.to_string());
        } else if let Some(p) = c.to_pinyin() {
            out.push(p.plain().to_string());
        }
    }
    if !latin.is_empty() {
        out.push(latin);
    }
    out
}

/// "张建华" → "zhangjianhua".
pub fn pinyin_full(name: &str) -> String {
    readings(name).concat()
}

/// "张建华" → "zjh".
pub fn initials(name: &str) -> String {
    readings(name)
        .iter()
        .filter_map(|r| r.chars().next())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_and_full() {
        assert_eq!(initials("张建华"), "zjh");
        assert_eq!(pinyin_full("张建华"), "zhangjianhua");
        assert_eq!(initials("曾志伟"), "zzw", "曾 as a surname is zeng");
        assert_eq!(initials("单丽"), "sl");
        assert_eq!(initials("李 Anna"), "la");
    }
}
