//! Ledger speed with 100,000 items and ≈ 500,000 timeline rows (targets from issue 4): a filtered
//! page ≤ 20 ms, a 2-character full-text search ≤ 50 ms, the overdue view ≤ 50 ms, the 工作台
//! counts ≤ 50 ms. The generated database is kept in the temp folder between runs (generating it
//! takes a while); delete `studio-bench-items-*.db` there to make a new one.

use criterion::{criterion_group, criterion_main, Criterion};
use studio_core::items::{self, ItemCategory, ItemQuery, ItemStatus, ItemView};
use studio_core::{Actor, Ctx, Role, Store};

const N: usize = 100_000;

fn store() -> Store {
    let path = std::env::temp_dir().join(format!(
        "studio-bench-items-{N}-v{}.db",
        studio_core::storage::schema_version()
    ));
    if path.exists() {
        if let Ok(s) = Store::open(&path) {
            if items::item_count(&s, &Ctx::system()).unwrap_or(0) == N as u64 {
                return s;
            }
        }
        let _ = std::fs::remove_file(&path);
    }
    let started = std::time::Instant::now();
    let s = Store::open(&path).unwrap();
    studio_core::demo::bulk_items(&s, &Ctx::system(), N, 42).unwrap();
    eprintln!(
        "generated {N} items in {:.1} s → {}",
        started.elapsed().as_secs_f64(),
        path.display()
    );
    s
}

fn bench(c: &mut Criterion) {
    let store = store();
    // A liaison officer at the desk, today.
    let ctx = Ctx::now(Actor::new("王联络", Role::Liaison));
    let mut g = c.benchmark_group("items_100k");
    g.bench_function("page_filtered_status_category", |b| {
        let q = ItemQuery {
            status: Some(ItemStatus::Closed),
            category: Some(ItemCategory::Hardship),
            ..Default::default()
        };
        b.iter(|| items::list_items(&store, &ctx, &q).unwrap())
    });
    g.bench_function("page_unfiltered_page_20", |b| {
        let mut q = ItemQuery::default();
        q.page.page = 20;
        b.iter(|| items::list_items(&store, &ctx, &q).unwrap())
    });
    g.bench_function("search_2_chars", |b| {
        let q = ItemQuery {
            q: "食堂".into(),
            ..Default::default()
        };
        b.iter(|| items::list_items(&store, &ctx, &q).unwrap())
    });
    g.bench_function("search_1_char", |b| {
        let q = ItemQuery {
            q: "王".into(),
            ..Default::default()
        };
        b.iter(|| items::list_items(&store, &ctx, &q).unwrap())
    });
    g.bench_function("search_4_chars", |b| {
        let q = ItemQuery {
            q: "报修后迟".into(),
            ..Default::default()
        };
        b.iter(|| items::list_items(&store, &ctx, &q).unwrap())
    });
    g.bench_function("view_overdue", |b| {
        let q = ItemQuery {
            view: Some(ItemView::Overdue),
            ..Default::default()
        };
        b.iter(|| items::list_items(&store, &ctx, &q).unwrap())
    });
    g.bench_function("dashboard_counts", |b| {
        b.iter(|| items::item_counts(&store, &ctx).unwrap())
    });
    g.bench_function("similar_items", |b| {
        b.iter(|| {
            items::similar_items(
                &store,
                &ctx,
                "南区食堂饭菜价格偏高，希望有关部门研究解决",
                None,
                5,
            )
            .unwrap()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
