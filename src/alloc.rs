//! Where memory comes from: the run's global allocator (mimalloc), with a second heap for
//! what the run keeps of every article.
//!
//! The second pass makes each article's record and analysis (kept to the end of the run)
//! among many more short-lived allocations (its text, tokens, counts). Made side by side,
//! the kept ones end up scattered over pages that the short-lived ones have left nearly
//! empty, and a page that holds one kept string stays resident. What is made inside
//! [`kept`] goes to a heap that holds nothing else (mimalloc v3's heaps are first-class:
//! one heap, used from any thread, keeps its blocks in pages of its own), so kept data fills
//! its pages and the others go back to the system whole.
//!
//! This relies on v3 (libmimalloc-sys' default, pinned by `Cargo.lock`): a v2 heap belongs
//! to the thread that made it.
//!
//! Only a binary that declares [`Allocator`] as its global allocator (`main.rs` does) has
//! the second heap; elsewhere (unit tests) [`kept`] runs its closure as it is.

use std::alloc::{GlobalAlloc, Layout};
use std::cell::Cell;
use std::ffi::c_void;
use std::sync::OnceLock;

use libmimalloc_sys as mi;

/// mimalloc, with allocations made inside [`kept`] going to the heap for kept data.
/// Freeing and reallocating outside [`kept`] work for blocks of either heap (mimalloc finds
/// a block's page from its address).
pub struct Allocator;

/// The heap for kept data, made on first use and never deleted (its blocks live to the end
/// of the run). An address: a pointer is not `Sync`.
static HEAP: OnceLock<usize> = OnceLock::new();

thread_local! {
    /// This thread is inside [`kept`].
    static KEPT: Cell<bool> = const { Cell::new(false) };
}

/// Runs `make` with this thread's allocations in the heap for kept data: use it to copy what
/// an article keeps to the end of the run, not for work that frees what it makes.
pub fn kept<T>(make: impl FnOnce() -> T) -> T {
    // SAFETY: makes a heap; mimalloc v3's heaps may allocate from any thread.
    let heap = *HEAP.get_or_init(|| unsafe { mi::mi_heap_new() } as usize);
    if heap == 0 {
        return make();
    }
    /// Puts the flag back as it was, also when `make` panics.
    struct Restore(bool);
    impl Drop for Restore {
        fn drop(&mut self) {
            KEPT.with(|k| k.set(self.0));
        }
    }
    let _restore = Restore(KEPT.with(|k| k.replace(true)));
    make()
}

/// The heap allocations go to now, if not the default (not once the thread's locals are
/// gone: a thread's last frees).
#[inline]
fn kept_heap() -> Option<*mut mi::mi_heap_t> {
    if KEPT.try_with(Cell::get).unwrap_or(false) {
        HEAP.get().map(|&h| h as *mut mi::mi_heap_t)
    } else {
        None
    }
}

/// mimalloc's own rule (as the `mimalloc` crate's): alignments up to its word size need no
/// aligned call.
const MIN_ALIGN: usize = 16;

unsafe impl GlobalAlloc for Allocator {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let (size, align) = (layout.size(), layout.align());
        // SAFETY: as `GlobalAlloc::alloc`.
        unsafe {
            match kept_heap() {
                Some(h) if align <= MIN_ALIGN && align <= size => {
                    mi::mi_heap_malloc(h, size) as *mut u8
                }
                Some(h) => mi::mi_heap_malloc_aligned(h, size, align) as *mut u8,
                None => mi::mi_malloc_aligned(size, align) as *mut u8,
            }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let (size, align) = (layout.size(), layout.align());
        // SAFETY: as `GlobalAlloc::alloc_zeroed`.
        unsafe {
            match kept_heap() {
                Some(h) => mi::mi_heap_zalloc_aligned(h, size, align) as *mut u8,
                None => mi::mi_zalloc_aligned(size, align) as *mut u8,
            }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        // SAFETY: `ptr` came from this allocator; mi_free takes a block of any heap.
        unsafe { mi::mi_free(ptr as *mut c_void) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let align = layout.align();
        // SAFETY: as `GlobalAlloc::realloc`.
        unsafe {
            match kept_heap() {
                Some(h) => {
                    mi::mi_heap_realloc_aligned(h, ptr as *mut c_void, new_size, align) as *mut u8
                }
                None => mi::mi_realloc_aligned(ptr as *mut c_void, new_size, align) as *mut u8,
            }
        }
    }
}
