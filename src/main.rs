//! The `newsreport` binary: flags in, exit code out. Everything else is in the library.

use clap::Parser;
use newsreport::cli::Cli;

// mimalloc: less memory left between the many small strings a run keeps, and faster
// (Cargo.toml says by how much).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
    let cli = Cli::parse();
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
}
