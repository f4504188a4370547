//! 统计汇总 with 100,000 cards and 100,000 items (target from issue 12: the yearly summary ≤ 200
//! ms in the core). The generated database is kept in the temp folder between runs (100,000 cards
//! are written one by one through `cards::create_card`, as the form does, which takes minutes);
//! delete `studio-bench-reports-*.db` there to make a new one. 工作台's charts are timed over the
//! same database (`-- dashboard_charts`).

use chrono::Days;
use criterion::{criterion_group, criterion_main, Criterion};
use studio_core::reports::{self, Period};
use studio_core::{cards, items, Actor, Ctx, Role, Store};

const N: usize = 100_000;

fn store() -> Store {
    let path = std::env::temp_dir().join(format!(
        "studio-bench-reports-{N}-v{}.db",
        studio_core::storage::schema_version()
    ));
    let sys = Ctx::system();
    if path.exists() {
        if let Ok(s) = Store::open(&path) {
            if items::item_count(&s, &sys).unwrap_or(0) == N as u64
                && cards::card_count(&s, &sys).unwrap_or(0) == N as u64
            {
                return s;
            }
        }
        let _ = std::fs::remove_file(&path);
    }
    let started = std::time::Instant::now();
    let s = Store::open(&path).unwrap();
    studio_core::demo::bulk_items(&s, &sys, N, 42).unwrap();
    studio_core::demo::bulk_cards(&s, &sys, N, 42).unwrap();
    eprintln!(
        "generated {N} items and {N} cards in {:.1} s → {}",
        started.elapsed().as_secs_f64(),
        path.display()
    );
    s
}

fn bench(c: &mut Criterion) {
    let store = store();
    let ctx = Ctx::now(Actor::new("王联络", Role::Liaison));
    let year = Period::default();
    let last_365 = Period::new(
        &(ctx.today - Days::new(364)).format("%Y-%m-%d").to_string(),
        &ctx.today.format("%Y-%m-%d").to_string(),
    );
    let s = reports::summary(&store, &ctx, &last_365).unwrap();
    eprintln!(
        "last 365 days: {} delegates, {} contacts, {} items",
        s.rows.len(),
        s.total.contacts,
        s.total.items
    );
    let mut g = c.benchmark_group("reports_100k");
    g.sample_size(20);
    g.bench_function("summary_calendar_year", |b| {
        b.iter(|| reports::summary(&store, &ctx, &year).unwrap())
    });
    g.bench_function("summary_last_365_days", |b| {
        b.iter(|| reports::summary(&store, &ctx, &last_365).unwrap())
    });
    g.bench_function("units_last_365_days", |b| {
        b.iter(|| reports::units(&store, &ctx, &last_365).unwrap())
    });
    // 工作台's charts (one read, GROUP BY in SQL): what the page asks on opening.
    g.bench_function("dashboard_charts_calendar_year", |b| {
        b.iter(|| reports::dashboard_charts(&store, &ctx, &year).unwrap())
    });
    g.bench_function("dashboard_charts_last_365_days", |b| {
        b.iter(|| reports::dashboard_charts(&store, &ctx, &last_365).unwrap())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
