//! The yearly field-survey indicator, as a pure function of the year, today and the days the
//! delegation's field surveys were held.
//!
//! - green: at least one field survey held in the year, on or before today;
//! - amber: none yet, and the first half of the year is not over (before 1 July);
//! - red: none, and the year is half gone: from 1 July of that year (a past year without one is
//!   red for good).
//!
//! A survey planned for a later day does not count until that day comes.

use chrono::{Datelike, NaiveDate};

use super::SurveyLight;

/// The first day of the year's second half: from it on, a year without a survey is red.
pub fn half_year(year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, 7, 1).unwrap_or(NaiveDate::MAX)
}

/// The light for `year` as of `today`, from the days field surveys were held (any year's: those of
/// other years are ignored).
pub fn light(year: i32, today: NaiveDate, surveys: &[NaiveDate]) -> SurveyLight {
    let done = surveys.iter().any(|d| d.year() == year && *d <= today);
    if done {
        SurveyLight::Green
    } else if today >= half_year(year) {
        SurveyLight::Red
    } else {
        SurveyLight::Amber
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn amber_until_the_half_year_then_red() {
        assert_eq!(light(2026, d("2026-01-05"), &[]), SurveyLight::Amber);
        assert_eq!(light(2026, d("2026-06-30"), &[]), SurveyLight::Amber);
        assert_eq!(light(2026, d("2026-07-01"), &[]), SurveyLight::Red);
        assert_eq!(light(2026, d("2026-12-31"), &[]), SurveyLight::Red);
        // A past year without a survey stays red; a year not begun is amber.
        assert_eq!(light(2025, d("2026-03-01"), &[]), SurveyLight::Red);
        assert_eq!(light(2027, d("2026-12-01"), &[]), SurveyLight::Amber);
    }

    #[test]
    fn green_once_held_in_that_year() {
        let held = [d("2026-04-10")];
        assert_eq!(light(2026, d("2026-04-09"), &held), SurveyLight::Amber);
        assert_eq!(light(2026, d("2026-04-10"), &held), SurveyLight::Green);
        assert_eq!(light(2026, d("2026-11-30"), &held), SurveyLight::Green);
        // Last year's survey does not count for this year.
        assert_eq!(
            light(2026, d("2026-08-01"), &[d("2025-09-01")]),
            SurveyLight::Red
        );
        // A survey planned for later in the year does not count yet.
        assert_eq!(
            light(2026, d("2026-07-15"), &[d("2026-09-01")]),
            SurveyLight::Red
        );
        // Leap years have the same half-year day.
        assert_eq!(light(2028, d("2028-06-30"), &[]), SurveyLight::Amber);
        assert_eq!(light(2028, d("2028-07-01"), &[]), SurveyLight::Red);
    }
}
