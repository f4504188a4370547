//! The font subsetter on the record card: typst's `subsetter` crate (what a font chosen in
//! 设置 → 打印字体 is subset with) against the hand-written CFF subsetter (the shipped Noto Serif
//! SC's), in process, on the shipped font: one filled card rendered (layout + subset + PDF), and
//! the subsetting step alone on that card's characters.
//!
//! Measured 2026-12-03 (2 cores shared with four other builds, load average 6–7): subsetting
//! library 12.4 ms, hand-written 2.47 ms (5.0×); a filled card library 17.2 ms, hand-written
//! 10.2 ms (1.7×). Not within 1.5×, so the hand-written subsetter stays for the shipped font.
//!
//! ```sh
//! cargo bench -p studio-print --bench subset
//! ```

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use studio_print::{Card, CardPrinter};

#[path = "../tests/common/mod.rs"]
mod common;

/// Every character the filled sample card prints: the form's fixed text and the record's.
fn card_text() -> String {
    let data = common::sample_card();
    let mut text = format!("{}{}", studio_print::TITLE, studio_print::NOTES.join(""));
    text.push_str(&format!("{data:?}"));
    text.push_str("联系日期年月日党代表姓名方式工作室网上约见走访其他意见建议办理情况反馈√□");
    text
}

fn subset(c: &mut Criterion) {
    let library = CardPrinter::shipped_with_library_subsetter().expect("font parses");
    let hand = CardPrinter::new().expect("font parses");
    let filled = [Card::filled(common::sample_card())];
    let text = card_text();
    println!(
        "subset of the card's characters: library {} bytes, hand-written {} bytes",
        library.subset_only(&text).expect("subsets"),
        hand.subset_only(&text).expect("subsets")
    );
    println!(
        "filled card PDF: library {} KB, hand-written {} KB",
        library.render(&filled).expect("renders").pdf.len() / 1024,
        hand.render(&filled).expect("renders").pdf.len() / 1024
    );
    let mut group = c.benchmark_group("subset");
    group.bench_function("library: subset card's characters", |b| {
        b.iter(|| library.subset_only(black_box(&text)).expect("subsets"))
    });
    group.bench_function("hand-written: subset card's characters", |b| {
        b.iter(|| hand.subset_only(black_box(&text)).expect("subsets"))
    });
    group.bench_function("library: render filled card", |b| {
        b.iter(|| library.render(black_box(&filled)).expect("renders"))
    });
    group.bench_function("hand-written: render filled card", |b| {
        b.iter(|| hand.render(black_box(&filled)).expect("renders"))
    });
    group.finish();
}

criterion_group!(benches, subset);
criterion_main!(benches);
