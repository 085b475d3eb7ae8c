//! The `newsreport` binary: flags in, exit code out. Everything else is in the library.

use clap::Parser;
use newsreport::cli::Cli;

// mimalloc: less memory left between the many small strings a run keeps, and faster
// (Cargo.toml says by how much).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
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
