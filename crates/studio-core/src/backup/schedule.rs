//! The automatic backup's rules as pure functions of the times given, tested without a clock: is a
//! backup due, the archive's file name, which old archives to remove. Times are the studio's local
//! time (Asia/Shanghai).

use chrono::{Duration, NaiveDateTime, NaiveTime};

/// The automatic archives' names: `studio-backup-YYYYMMDD-HHMMSS.zip` (ASCII, so a USB drive's
/// FAT file system and any OS take it). Only files named so are ever pruned.
pub const FILE_PREFIX: &str = "studio-backup-";
pub const FILE_SUFFIX: &str = ".zip";
const STAMP: &str = "%Y%m%d-%H%M%S";

/// After a failed attempt (the folder missing, the disk full), the next try waits this long.
pub const RETRY_AFTER_MINUTES: i64 = 60;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trigger {
    /// The shell's timer, every minute or so: the daily backup at the chosen time (or the first
    /// tick after it, when the app was closed at that time).
    Timer,
    /// The app is closing: a backup when the last one is a day old or more.
    Exit,
}

/// Whether an automatic backup is due at `now`. `last_ok` is the last successful automatic
/// backup, `last_attempt` the last try, successful or not.
pub fn is_due(
    now: NaiveDateTime,
    daily_at: NaiveTime,
    last_ok: Option<NaiveDateTime>,
    last_attempt: Option<NaiveDateTime>,
    trigger: Trigger,
) -> bool {
    let retry_wait = last_attempt
        .filter(|a| Some(*a) != last_ok)
        .is_some_and(|a| now - a < Duration::minutes(RETRY_AFTER_MINUTES) && a <= now);
    match trigger {
        Trigger::Timer => {
            let slot = now.date().and_time(daily_at);
            now >= slot && last_ok.is_none_or(|l| l < slot) && !retry_wait
        }
        // At exit there is no later try: a failed one earlier does not hold it back.
        Trigger::Exit => last_ok.is_none_or(|l| now - l >= Duration::days(1)),
    }
}

/// `studio-backup-20260315-183000.zip`.
pub fn file_name(at: NaiveDateTime) -> String {
    format!("{FILE_PREFIX}{}{FILE_SUFFIX}", at.format(STAMP))
}

/// The time in one of our archives' names; `None` for any other file.
pub fn parse_file_name(name: &str) -> Option<NaiveDateTime> {
    let stamp = name.strip_prefix(FILE_PREFIX)?.strip_suffix(FILE_SUFFIX)?;
    let stamp = stamp.get(..15)?;
    NaiveDateTime::parse_from_str(stamp, STAMP).ok()
}

/// Of the names in a folder, our archives beyond the newest `keep`, oldest last. Other files are
/// never chosen.
pub fn to_prune(names: &[String], keep: usize) -> Vec<String> {
    let mut ours: Vec<(NaiveDateTime, &String)> = names
        .iter()
        .filter_map(|n| parse_file_name(n).map(|t| (t, n)))
        .collect();
    ours.sort_by(|a, b| b.cmp(a));
    ours.into_iter()
        .skip(keep)
        .map(|(_, n)| n.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }
    fn at(s: &str) -> NaiveTime {
        NaiveTime::parse_from_str(s, "%H:%M").unwrap()
    }

    #[test]
    fn the_daily_backup_is_due_from_its_time_once_a_day() {
        let noon = at("12:00");
        // Before the time: not yet.
        assert!(!is_due(
            t("2026-03-02 11:59"),
            noon,
            Some(t("2026-03-01 12:00")),
            None,
            Trigger::Timer
        ));
        // At the time, yesterday's done: due.
        assert!(is_due(
            t("2026-03-02 12:00"),
            noon,
            Some(t("2026-03-01 12:00")),
            None,
            Trigger::Timer
        ));
        // The app was closed at noon: the first tick after it catches up.
        assert!(is_due(
            t("2026-03-02 16:40"),
            noon,
            Some(t("2026-03-01 12:00")),
            None,
            Trigger::Timer
        ));
        // Already made today after the time: not again.
        let done = Some(t("2026-03-02 12:01"));
        assert!(!is_due(
            t("2026-03-02 18:00"),
            noon,
            done,
            done,
            Trigger::Timer
        ));
        // Never made: due once the time has come.
        assert!(is_due(
            t("2026-03-02 12:00"),
            noon,
            None,
            None,
            Trigger::Timer
        ));
        assert!(!is_due(
            t("2026-03-02 08:00"),
            noon,
            None,
            None,
            Trigger::Timer
        ));
    }

    #[test]
    fn a_failed_attempt_is_retried_after_an_hour() {
        let noon = at("12:00");
        let ok = Some(t("2026-03-01 12:00"));
        let failed = Some(t("2026-03-02 12:00"));
        assert!(!is_due(
            t("2026-03-02 12:30"),
            noon,
            ok,
            failed,
            Trigger::Timer
        ));
        assert!(is_due(
            t("2026-03-02 13:00"),
            noon,
            ok,
            failed,
            Trigger::Timer
        ));
    }

    #[test]
    fn at_exit_only_when_the_last_is_a_day_old() {
        let noon = at("12:00");
        let last = Some(t("2026-03-01 18:00"));
        assert!(!is_due(
            t("2026-03-02 17:59"),
            noon,
            last,
            last,
            Trigger::Exit
        ));
        assert!(is_due(
            t("2026-03-02 18:00"),
            noon,
            last,
            last,
            Trigger::Exit
        ));
        assert!(is_due(
            t("2026-03-02 09:00"),
            noon,
            None,
            None,
            Trigger::Exit
        ));
    }

    #[test]
    fn names_round_trip_and_pruning_keeps_the_newest_of_ours_only() {
        let name = file_name(t("2026-03-15 18:30"));
        assert_eq!(name, "studio-backup-20260315-183000.zip");
        assert_eq!(parse_file_name(&name), Some(t("2026-03-15 18:30")));
        let mut names: Vec<String> = (1..=5)
            .map(|d| file_name(t(&format!("2026-03-0{d} 12:00"))))
            .collect();
        names.push("notes.txt".into());
        names.push("studio-backup-x.zip".into());
        let gone = to_prune(&names, 3);
        assert_eq!(
            gone,
            vec![
                "studio-backup-20260302-120000.zip".to_string(),
                "studio-backup-20260301-120000.zip".to_string()
            ]
        );
        assert!(to_prune(&names, 30).is_empty());
    }
}
