//! The shipped official calendar: `data/china-calendar.txt`, embedded and parsed once.

use std::collections::BTreeMap;
use std::ops::RangeInclusive;
use std::sync::OnceLock;

use chrono::NaiveDate;

const DATA: &str = include_str!("../../data/china-calendar.txt");

/// One listed day: off (a public holiday or a day of its period) or a make-up working day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct OfficialDay {
    pub off: bool,
    pub name: &'static str,
}

#[derive(Debug)]
pub(crate) struct Official {
    pub source: &'static str,
    pub years: RangeInclusive<i32>,
    pub days: BTreeMap<NaiveDate, OfficialDay>,
}

/// The parsed data, once per process. The file is committed and checked by the tests, so a parse
/// failure is a build defect, not a user error.
pub(crate) fn official() -> &'static Official {
    static CELL: OnceLock<Official> = OnceLock::new();
    CELL.get_or_init(|| parse(DATA).unwrap_or_else(|e| panic!("data/china-calendar.txt: {e}")))
}

/// The years the shipped data covers (2004 to the latest published year).
pub fn official_years() -> RangeInclusive<i32> {
    official().years.clone()
}

/// Where the shipped data comes from, e.g. `chinese-days 1.5.7 MIT`.
pub fn official_source() -> &'static str {
    official().source
}

fn date(s: &str) -> Result<NaiveDate, String> {
    if s.len() != 10 {
        return Err(format!("bad date {s:?}"));
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| format!("bad date {s:?}"))
}

pub(crate) fn parse(text: &'static str) -> Result<Official, String> {
    let mut source = None;
    let mut years = None;
    let mut days = BTreeMap::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let at = |e: String| format!("line {}: {e}", i + 1);
        let mut parts = line.splitn(3, ' ');
        let (first, second, rest) = (
            parts.next().unwrap_or(""),
            parts.next().unwrap_or(""),
            parts.next().unwrap_or("").trim(),
        );
        match first {
            "source" => source = Some(line["source".len()..].trim()),
            "years" => {
                let y = |s: &str| s.parse::<i32>().map_err(|_| at(format!("bad year {s:?}")));
                years = Some(y(second)?..=y(rest)?);
            }
            span => {
                let (from, to) = match span.split_once("..") {
                    Some((a, b)) => (date(a).map_err(at)?, date(b).map_err(at)?),
                    None => {
                        let d = date(span).map_err(at)?;
                        (d, d)
                    }
                };
                let off = match second {
                    "H" => true,
                    "W" => false,
                    k => return Err(at(format!("unknown kind {k:?}"))),
                };
                if rest.is_empty() || from > to {
                    return Err(at("needs a name and an ascending range".into()));
                }
                for d in from.iter_days().take_while(|d| *d <= to) {
                    if days.insert(d, OfficialDay { off, name: rest }).is_some() {
                        return Err(at(format!("{d} listed twice")));
                    }
                }
            }
        }
    }
    Ok(Official {
        source: source.ok_or("no `source` line")?,
        years: years.ok_or("no `years` line")?,
        days,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Datelike;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn the_shipped_data_parses_and_names_its_source() {
        let o = official();
        assert!(o.source.starts_with("chinese-days "), "{}", o.source);
        assert!(o.source.ends_with(" MIT"));
        assert_eq!(*o.years.start(), 2004);
        assert!(*o.years.end() >= 2026, "{:?}", o.years);
        // Every covered year has its Spring Festival and National Day.
        for y in o.years.clone() {
            for name in ["春节", "国庆节"] {
                assert!(
                    o.days
                        .iter()
                        .any(|(k, v)| k.year() == y && v.off && v.name == name),
                    "{y} has no {name}"
                );
            }
        }
    }

    #[test]
    fn make_up_working_days_fall_on_weekends() {
        use chrono::Weekday::{Sat, Sun};
        for (date, day) in &official().days {
            if !day.off {
                assert!(matches!(date.weekday(), Sat | Sun), "{date} {}", day.name);
            }
        }
    }

    #[test]
    fn ranges_expand_and_names_are_chinese() {
        let o = official();
        for s in ["2025-01-28", "2025-02-01", "2025-02-04"] {
            assert_eq!(
                o.days[&d(s)],
                OfficialDay {
                    off: true,
                    name: "春节"
                }
            );
        }
        assert!(!o.days.contains_key(&d("2025-02-05")));
        assert_eq!(o.days[&d("2025-10-06")].name, "中秋节");
        assert_eq!(
            o.days[&d("2025-10-11")],
            OfficialDay {
                off: false,
                name: "国庆节"
            }
        );
        // The one correction the update script applies to the source (see its CORRECTIONS).
        assert_eq!(
            o.days[&d("2005-12-31")],
            OfficialDay {
                off: false,
                name: "元旦"
            }
        );
    }

    #[test]
    fn malformed_data_is_rejected() {
        assert!(parse("source x 1 MIT\nyears 2004 2004\n2004-02-30 H 春节\n").is_err());
        assert!(parse("source x 1 MIT\nyears 2004 2004\n2004-01-01 X 元旦\n").is_err());
        assert!(parse("source x 1 MIT\nyears 2004 2004\n2004-01-01 H\n").is_err());
        assert!(
            parse("source x 1 MIT\nyears 2004 2004\n2004-01-01 H a\n2004-01-01 W b\n").is_err()
        );
        assert!(parse("years 2004 2004\n").is_err());
        let ok = parse("source x 1 MIT\nyears 2004 2004\n2004-01-01..2004-01-03 H 元旦\n").unwrap();
        assert_eq!(ok.days.len(), 3);
    }
}
