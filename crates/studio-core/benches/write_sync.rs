//! What `synchronous=FULL` costs a write: one item step (备注, which leaves the status as it is) on a
//! file database, with `synchronous=FULL` (what the program uses: a commit is on disk when it
//! returns) and with `NORMAL` (in WAL mode a power cut can take back the last commits). Both are
//! measured in the same run, on the same database, one after the other.
//!
//! The database is made in a fresh folder under the system's temp folder, or under
//! `STUDIO_BENCH_DIR` when set: on a tmpfs an fsync costs nothing, so point it at a real disk there.

use criterion::{criterion_group, criterion_main, Criterion};
use studio_core::items::{self, ItemAction, ItemCategory, ItemInput, ItemSource};
use studio_core::{Actor, Ctx, Role, Store};

fn bench(c: &mut Criterion) {
    let dir = match std::env::var_os("STUDIO_BENCH_DIR") {
        Some(base) => tempfile::tempdir_in(base),
        None => tempfile::tempdir(),
    }
    .unwrap();
    let store = Store::open(&dir.path().join("write-sync.db")).unwrap();
    let ctx = Ctx::now(Actor::new("王联络", Role::Liaison));
    let item = items::create_item(
        &store,
        &ctx,
        &ItemInput {
            category: Some(ItemCategory::Hardship),
            source: Some(ItemSource::Hotline),
            title: "宿舍热水供应不稳定".into(),
            content: "反映学生公寓3号楼热水供应不稳定，希望有关部门尽快研究解决。".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let note = ItemAction::Note {
        note: "已电话联系后勤管理处了解进展。".into(),
        on: String::new(),
    };
    let mut version = item.version;
    let mut g = c.benchmark_group("item_note_step");
    for (name, full) in [("synchronous_full", true), ("synchronous_normal", false)] {
        store.set_synchronous_full(full).unwrap();
        g.bench_function(name, |b| {
            b.iter(|| {
                version = items::act(&store, &ctx, &item.id, version, &note)
                    .unwrap()
                    .version;
            })
        });
    }
    g.finish();
    store.set_synchronous_full(true).unwrap();
}

criterion_group!(benches, bench);
criterion_main!(benches);
