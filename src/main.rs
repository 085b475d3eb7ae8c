//! The `newsreport` binary: flags in, exit code out. Everything else is in the library.

use clap::Parser;
use newsreport::cli::{Cli, Command};

// mimalloc: less memory left between the many small strings a run keeps, and faster
// (Cargo.toml says by how much); with a heap of its own for what the run keeps
// (`newsreport::alloc`).
#[global_allocator]
static GLOBAL: newsreport::alloc::Allocator = newsreport::alloc::Allocator;

/// mimalloc's `mi_option_purge_delay` (its number in `mimalloc.h`, v2 and v3 alike; the
/// bindings do not name it): how long freed pages wait before they go back to the system.
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Freed pages go back to the system at once, not a second later (mimalloc v3's default,
/// 1,000 ms; `options.c`, whatever the header's comment says). A run
/// frees much of what each article kept at a time (its text, then its counts on disk), and
/// the pages waiting to go were up to a sixth of the peak: 4x --memory 1GB 949 -> 794 MB.
fn return_freed_memory_at_once() {
    // SAFETY: called first thing in `main`, on the only thread; sets an integer option.
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, 0) };
}

fn main() {
    return_freed_memory_at_once();
    quiet_spreadsheet_panics();
    let cli = Cli::parse();
    if let Some(Command::Worker { listen, memory }) = &cli.command {
        std::process::exit(worker(listen, memory.as_deref()));
    }
    let code = match cli.settings() {
        Ok(settings) if cli.list_stop_words => {
            for w in settings.stop_words.sorted() {
                println!("{w}");
            }
            0
        }
        Ok(settings) => match newsreport::run(&settings) {
            Ok(summary) => {
                if !settings.quiet {
                    println!("{summary}");
                }
                0
            }
            Err(e) => {
                eprintln!("newsreport: error: {e}");
                e.exit_code()
            }
        },
        Err(e) => {
            eprintln!("newsreport: error: {e}");
            e.exit_code()
        }
    };
    std::process::exit(code);
}

/// Runs a cluster worker until the process is stopped; the exit code when it cannot.
#[cfg(feature = "cluster")]
fn worker(listen: &str, memory: Option<&str>) -> i32 {
    let budget = match memory.map(newsreport::engine::Budget::parse) {
        None => newsreport::engine::Budget::default_for_machine(),
        Some(Ok(b)) => b,
        Some(Err(e)) => {
            eprintln!("newsreport: error: --memory: {e}");
            return 2;
        }
    };
    match newsreport::cluster::serve(listen, budget) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("newsreport: error: {e}");
            1
        }
    }
}

#[cfg(not(feature = "cluster"))]
fn worker(_listen: &str, _memory: Option<&str>) -> i32 {
    eprintln!("newsreport: error: {}", newsreport::cli::NO_CLUSTER);
    2
}

/// The spreadsheet library panics when it cannot write its scratch files (a full disk);
/// `workbook` catches that and the run ends with an error that names the file and what to
/// do, so the panic's own message and backtrace would only be noise before it. Every other
/// panic is reported as usual.
fn quiet_spreadsheet_panics() {
    let report = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !(info.location()).is_some_and(|l| l.file().contains("rust_xlsxwriter")) {
            report(info);
        }
    }));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Option 15 is the purge delay: its default in mimalloc v3's `options.c` is 1,000 ms,
    /// and it takes 0.
    #[test]
    fn purge_delay_is_the_option_set() {
        // SAFETY: reads and sets an integer option of the allocator.
        unsafe {
            if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
                assert_eq!(libmimalloc_sys::mi_option_get(PURGE_DELAY), 1000);
            }
            return_freed_memory_at_once();
            assert_eq!(libmimalloc_sys::mi_option_get(PURGE_DELAY), 0);
        }
    }

    /// Inside `kept` (nested too) blocks come from the heap for kept data, outside from the
    /// main heap; kept blocks grow and are freed outside it; zeroed and over-aligned blocks
    /// go where `kept` says and keep their promises.
    #[test]
    fn kept_blocks_are_in_their_own_heap() {
        use newsreport::alloc::kept;
        use std::alloc::{Layout, alloc, dealloc};
        use std::ffi::c_void;
        // mimalloc v3's (`mimalloc.h`; the bindings name only v2's): the heap a block is in,
        // and the main heap.
        unsafe extern "C" {
            fn mi_heap_of(p: *const c_void) -> *mut c_void;
            fn mi_heap_main() -> *mut c_void;
        }
        // SAFETY: asks mimalloc which heap holds blocks this test allocated.
        let in_default = |p: *const u8| unsafe { mi_heap_of(p.cast()) == mi_heap_main() };
        let before = Box::new([1u8; 100]);
        let wide = Layout::from_size_align(64, 4096).expect("a valid layout");
        let (inside, nested, zeroed, aligned) = kept(|| {
            let inside = vec![2u8; 100];
            let nested = kept(|| vec![3u8; 100]);
            let zeroed = vec![0u8; 5000];
            // SAFETY: a layout of non-zero size; freed below with the same layout.
            let aligned = unsafe { alloc(wide) };
            (inside, nested, zeroed, aligned)
        });
        let after = Box::new([4u8; 100]);
        assert!(in_default(before.as_ptr()));
        assert!(in_default(after.as_ptr()));
        assert!(!in_default(inside.as_ptr()));
        assert!(!in_default(nested.as_ptr()));
        assert!(!in_default(zeroed.as_ptr()));
        assert!(zeroed.iter().all(|&b| b == 0));
        assert!(!aligned.is_null() && !in_default(aligned));
        assert_eq!(aligned as usize % 4096, 0);
        // SAFETY: allocated above with `wide`.
        unsafe { dealloc(aligned, wide) };
        // Grown outside `kept`: the bytes move along, and the block is the default heap's.
        let mut grown = inside;
        grown.resize(100_000, 5);
        assert_eq!(
            (grown[0], grown[99], grown[100], grown[99_999]),
            (2, 2, 5, 5)
        );
        assert!(in_default(grown.as_ptr()));
    }
}
