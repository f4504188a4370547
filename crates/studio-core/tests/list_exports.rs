//! The list exports of 工作室动态, 活动调研, 提议 and 联络员与志愿者 over the demo data: in Excel each
//! day is a real date (shown `yyyy-mm-dd`, sortable and filterable as a date), the record's own day;
//! an absent day is an empty cell; the CSV keeps the day as text.

use calamine::{Data, Reader};
use studio_core::export::{self, ExportFormat};
use studio_core::{activities, news, proposals, volunteers, Actor, Ctx, Role, Store};

fn demo() -> (Store, Ctx) {
    let s = Store::open_in_memory().unwrap();
    studio_core::demo::load(&s, false).unwrap();
    (s, Ctx::now(Actor::new("组织部", Role::Admin)))
}

/// The first sheet's cells below the header, row by row.
fn cells(xlsx: Vec<u8>) -> Vec<Vec<Data>> {
    let mut wb = calamine::Xlsx::new(std::io::Cursor::new(xlsx)).unwrap();
    let range = wb.worksheet_range_at(0).unwrap().unwrap();
    range.rows().skip(1).map(|r| r.to_vec()).collect()
}

/// A cell as the day it holds: `Some("YYYY-MM-DD")` for a date cell, `None` for an empty one;
/// anything else (text, a number without a date format) fails.
fn day(c: &Data) -> Option<String> {
    match c {
        Data::Empty => None,
        Data::DateTime(t) => Some(t.as_datetime().unwrap().format("%Y-%m-%d").to_string()),
        other => panic!("not a date cell: {other:?}"),
    }
}

/// Each row's cells in `cols` are the dates `want` gives for the record; returns how many days
/// were present.
fn check<T>(
    rows: &[T],
    sheet: &[Vec<Data>],
    cols: &[usize],
    want: impl Fn(&T, usize) -> Option<String>,
) -> usize {
    assert_eq!(sheet.len(), rows.len());
    let mut present = 0;
    for (r, cells) in rows.iter().zip(sheet) {
        for &c in cols {
            let got = day(&cells[c]);
            assert_eq!(got, want(r, c), "column {c}");
            present += usize::from(got.is_some());
        }
    }
    present
}

#[test]
fn the_list_exports_write_days_as_excel_dates() {
    let (s, c) = demo();

    let rows = news::news_for_export(&s, &c, None, None).unwrap();
    let sheet = cells(export::export_news(&rows, ExportFormat::Xlsx).unwrap());
    assert!(check(&rows, &sheet, &[0], |n, _| Some(n.date.clone())) > 0);
    let csv = String::from_utf8(export::export_news(&rows, ExportFormat::Csv).unwrap()).unwrap();
    assert!(
        csv.contains(&format!("\r\n{},", rows[0].date)),
        "CSV keeps the day as text"
    );

    let rows = activities::activities_for_export(&s, &c, None, None).unwrap();
    let sheet = cells(export::export_activities(&rows, ExportFormat::Xlsx).unwrap());
    let n = check(&rows, &sheet, &[0, 1], |a, col| {
        Some(if col == 0 {
            a.start_on.clone()
        } else {
            a.end_on.clone()
        })
    });
    assert_eq!(n, rows.len() * 2);

    let rows = proposals::proposals_for_export(&s, &c, None, None).unwrap();
    let sheet = cells(export::export_proposals(&rows, ExportFormat::Xlsx).unwrap());
    check(&rows, &sheet, &[4, 12], |p, col| {
        if col == 4 {
            Some(p.drafted_on.clone())
        } else {
            p.closed_on.clone()
        }
    });
    assert!(
        rows.iter().any(|p| p.closed_on.is_some()),
        "the demo closes a proposal"
    );
    assert!(rows.iter().any(|p| p.closed_on.is_none()));

    let rows = volunteers::volunteers_for_export(&s, &c, true).unwrap();
    let sheet = cells(export::export_volunteers(&rows, ExportFormat::Xlsx).unwrap());
    check(&rows, &sheet, &[5, 6], |v, col| {
        if col == 5 {
            Some(v.since.clone())
        } else {
            v.until.clone()
        }
    });
    assert!(!rows.is_empty());
}
