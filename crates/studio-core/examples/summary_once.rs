// throwaway: run the yearly summary N times on the bench db
use studio_core::reports::{self, Period};
use studio_core::{Actor, Ctx, Role, Store};
fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(20);
    let path = std::env::args()
        .nth(2)
        .unwrap_or("/tmp/studio-bench-reports-100000-v18.db".into());
    let store = Store::open(std::path::Path::new(&path)).unwrap();
    let ctx = Ctx::now(Actor::new("王联络", Role::Liaison));
    let year = Period::default();
    let mut best = f64::MAX;
    for _ in 0..n {
        let t = std::time::Instant::now();
        let s = reports::summary(&store, &ctx, &year).unwrap();
        std::hint::black_box(&s);
        best = best.min(t.elapsed().as_secs_f64());
    }
    eprintln!("best {:.1} ms", best * 1000.0);
}
