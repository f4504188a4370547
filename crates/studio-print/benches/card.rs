//! Speed of printing: one card (layout + PDF + font subset), a 1000-card batch, and a
//! month's reception schedule poster.
//!
//! ```sh
//! cargo bench -p studio-print
//! ```
//! Targets: one filled card ≤ 10 ms; 1000 filled cards in one PDF ≤ 3 s and ≤ 5 MB; the
//! poster ≤ 50 ms for the whole process (issue 10), so well under that here.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use studio_print::{Card, CardPrinter};

#[path = "../tests/common/mod.rs"]
mod common;

fn single(c: &mut Criterion) {
    let printer = CardPrinter::new().expect("font parses");
    let filled = [Card::filled(common::sample_card())];
    let blank = [Card::Blank];
    let size = printer.render(&filled).expect("renders").pdf.len();
    println!("filled card: {} KB", size / 1024);
    c.bench_function("layout filled card", |b| {
        b.iter(|| printer.layout(black_box(&filled[0])).expect("lays out"))
    });
    c.bench_function("render filled card", |b| {
        b.iter(|| printer.render(black_box(&filled)).expect("renders"))
    });
    c.bench_function("render blank card", |b| {
        b.iter(|| printer.render(black_box(&blank)).expect("renders"))
    });
    c.bench_function("printer start-up (parse font)", |b| {
        b.iter(|| CardPrinter::new().expect("font parses"))
    });
}

fn batch(c: &mut Criterion) {
    let printer = CardPrinter::new().expect("font parses");
    let cards = common::batch(1000);
    let rendered = printer.render(&cards).expect("renders");
    println!(
        "1000 filled cards: {} pages, {:.2} MB",
        rendered.page_count,
        rendered.pdf.len() as f64 / 1e6
    );
    let mut group = c.benchmark_group("batch");
    group.sample_size(10);
    group.bench_function("render 1000 filled cards", |b| {
        b.iter(|| printer.render(black_box(&cards)).expect("renders"))
    });
    group.finish();
}

fn poster(c: &mut Criterion) {
    let printer = CardPrinter::new().expect("font parses");
    let poster = common::sample_poster();
    let rendered = printer.render_poster(&poster).expect("renders");
    println!(
        "month's poster: {} rows, {} page(s), {} KB",
        poster.rows.len(),
        rendered.page_count,
        rendered.pdf.len() / 1024
    );
    c.bench_function("layout month's poster", |b| {
        b.iter(|| printer.layout_poster(black_box(&poster)).expect("lays out"))
    });
    c.bench_function("render month's poster", |b| {
        b.iter(|| printer.render_poster(black_box(&poster)).expect("renders"))
    });
}

criterion_group!(benches, single, batch, poster);
criterion_main!(benches);
