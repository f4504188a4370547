//! The 审计 page with 1,000,000 entries (issue 9: a filtered page ≤ 50 ms, in the core), and a
//! login (argon2id with the chosen parameters: 100–500 ms). The generated database is kept in the
//! temp folder between runs; delete `studio-bench-audit-*.db` there to make a new one.

use criterion::{criterion_group, criterion_main, Criterion};
use studio_core::accounts::{self, NewAccount};
use studio_core::audit_log::{self, AuditQuery, AuditResult};
use studio_core::{Actor, Ctx, PageRequest, Role, Store};

const N: usize = 1_000_000;

fn store() -> Store {
    let path = std::env::temp_dir().join(format!(
        "studio-bench-audit-{N}-v{}.db",
        studio_core::storage::schema_version()
    ));
    if path.exists() {
        if let Ok(s) = Store::open(&path) {
            if accounts::has_accounts(&s).unwrap_or(false) {
                return s;
            }
        }
        let _ = std::fs::remove_file(&path);
    }
    let started = std::time::Instant::now();
    let s = Store::open(&path).unwrap();
    audit_log::bulk_generate(&s, N, 7).unwrap();
    accounts::create_first_admin(
        &s,
        &NewAccount {
            login: "bench".into(),
            name: "基准".into(),
            password: "Bench2026x".into(),
            ..Default::default()
        },
    )
    .unwrap();
    eprintln!(
        "generated {N} audit entries in {:.1} s → {}",
        started.elapsed().as_secs_f64(),
        path.display()
    );
    s
}

fn bench(c: &mut Criterion) {
    let store = store();
    let ctx = Ctx::now(Actor::new("审计员", Role::Auditor));
    let today = ctx.today;
    let day = |back: i64| (today - chrono::Duration::days(back)).to_string();
    let mut g = c.benchmark_group("audit_1m");
    let cases: Vec<(&str, AuditQuery)> = vec![
        ("first_page_unfiltered", AuditQuery::default()),
        (
            "person",
            AuditQuery {
                actor_id: Some("account:bench-17".into()),
                ..Default::default()
            },
        ),
        (
            "area_and_action",
            AuditQuery {
                area: Some("card".into()),
                action: Some("export".into()),
                ..Default::default()
            },
        ),
        (
            "person_in_a_month_a_year_ago",
            AuditQuery {
                actor_id: Some("account:bench-03".into()),
                from: Some(day(400)),
                to: Some(day(370)),
                ..Default::default()
            },
        ),
        (
            "refused_in_a_quarter",
            AuditQuery {
                result: Some(AuditResult::Refused),
                from: Some(day(120)),
                to: Some(day(30)),
                ..Default::default()
            },
        ),
        (
            "page_50_of_a_person",
            AuditQuery {
                actor_id: Some("account:bench-42".into()),
                page: PageRequest {
                    page: 50,
                    page_size: 20,
                },
                ..Default::default()
            },
        ),
    ];
    for (name, q) in cases {
        let page = audit_log::list(&store, &ctx, &q).unwrap();
        eprintln!(
            "{name}: {} rows on the page, total {}{}",
            page.items.len(),
            page.total,
            if page.total_capped { "+" } else { "" }
        );
        g.bench_function(name, |b| {
            b.iter(|| audit_log::list(&store, &ctx, &q).unwrap())
        });
    }
    g.finish();

    let mut g = c.benchmark_group("login");
    g.sample_size(10);
    g.bench_function("argon2id_login", |b| {
        b.iter(|| accounts::login(&store, "bench", "Bench2026x").unwrap())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
