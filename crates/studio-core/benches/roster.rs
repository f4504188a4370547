//! Roster list speed: one page of a 10,000-delegate roster with a search filter (target < 5 ms).

use criterion::{criterion_group, criterion_main, Criterion};
use studio_core::roster::{self, DelegateQuery};
use studio_core::{Actor, Ctx, Role, Store};

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("bench.db")).unwrap();
    studio_core::demo::bulk_roster(&store, 40, 10_000, 7).unwrap();
    let ctx = Ctx::now(Actor::new("基准", Role::Liaison));

    let mut g = c.benchmark_group("roster_10k");
    g.bench_function("page_by_name", |b| {
        let q = DelegateQuery {
            q: "王".into(),
            ..Default::default()
        };
        b.iter(|| roster::list_delegates(&store, &ctx, &q).unwrap())
    });
    g.bench_function("page_by_initials", |b| {
        let q = DelegateQuery {
            q: "zjh".into(),
            ..Default::default()
        };
        b.iter(|| roster::list_delegates(&store, &ctx, &q).unwrap())
    });
    g.bench_function("page_by_unit_sorted_by_name", |b| {
        let q = DelegateQuery {
            q: "计算机".into(),
            sort: roster::DelegateSort::Name,
            ..Default::default()
        };
        b.iter(|| roster::list_delegates(&store, &ctx, &q).unwrap())
    });
    g.bench_function("page_unfiltered_page_50", |b| {
        let mut q = DelegateQuery::default();
        q.page.page = 50;
        b.iter(|| roster::list_delegates(&store, &ctx, &q).unwrap())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
