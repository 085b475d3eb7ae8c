//! Phase timings on stderr when `NEWSREPORT_PHASES` is set (wall time, cores busy, resident
//! memory now and at its peak): a profiling aid, never part of the report.

use std::time::Instant;

/// Phase timings on stderr when `NEWSREPORT_PHASES` is set: a profiling aid, never part of
/// the report.
pub struct Phases {
    on: bool,
    last: Instant,
    /// The process's CPU time when `last` was taken, to print how many cores each phase kept
    /// busy: where a second thread waits.
    cpu: Option<f64>,
}

impl Phases {
    pub fn new() -> Self {
        Phases {
            on: std::env::var_os("NEWSREPORT_PHASES").is_some(),
            last: Instant::now(),
            cpu: cpu_seconds(),
        }
    }

    pub fn done(&mut self, name: &str) {
        if self.on {
            let wall = self.last.elapsed().as_secs_f64();
            let now = cpu_seconds();
            let cores = match (self.cpu, now) {
                (Some(a), Some(b)) if wall > 0.0 => format!("{:>5.2}", (b - a) / wall),
                _ => "    ?".to_string(),
            };
            eprintln!(
                "phase {wall:>8.3} s  cores {cores}  rss {:>9} MB  {name}",
                resident_mb()
            );
            self.cpu = now;
        }
        self.last = Instant::now();
    }
}

/// The CPU time (user and system) of the whole process so far, in seconds, from
/// `/proc/self/stat` (`None` without it); counted in Linux's fixed 100 ticks a second.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The command name may hold spaces: the fields counted from after its ')'.
    let mut fields = stat.rsplit_once(')')?.1.split_whitespace();
    let utime: f64 = fields.nth(11)?.parse().ok()?;
    let stime: f64 = fields.next()?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

/// The process's resident memory now and at its peak so far, in MB ("?" where
/// `/proc/self/status` does not exist): what `NEWSREPORT_PHASES` prints beside each phase.
fn resident_mb() -> String {
    let field = |name: &str| {
        crate::engine::own_status_kb(name).map_or("?".to_string(), |kb| (kb / 1024).to_string())
    };
    format!("{}/{}", field("VmRSS:"), field("VmHWM:"))
}
