#[path = "../tests/common/mod.rs"]
mod common;
use std::time::Instant;
fn main() {
    let p = studio_print::CardPrinter::new().unwrap();
    let cards = common::batch(1000);
    let mut best = f64::MAX;
    for _ in 0..5 {
        let t = Instant::now();
        let mut calls = 0;
        let r = p.render_with(&cards, &mut |d, t| { calls += 1; assert!(d <= t); true }).unwrap();
        let e = t.elapsed().as_secs_f64();
        best = best.min(e);
        println!("render {:.3}s {} bytes, {} calls", e, r.pdf.len(), calls);
    }
    println!("best {best:.3}");
}
