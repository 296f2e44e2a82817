//! The allocator, and how soon freed memory goes back to the system.

use libmimalloc_sys::{mi_option_set, mi_option_t};

// Pages are many small allocations from many threads: mimalloc served about
// 1.7 times the requests/s of the system allocator in `make bench`.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` in mimalloc 3's `mimalloc.h`; the crate names
/// only the options of version 2. The test below checks it by its default.
const PURGE_DELAY: mi_option_t = 15;

/// How long freed memory stays before it goes back to the system. At 0
/// mimalloc gave back, and soon set up again, memory that the next
/// request reuses: at 10 ms a page costs about 5 % less CPU (`make bench`,
/// PERFORMANCE.md), for 1–2 MB more at the peak.
const PURGE_AFTER_MS: std::ffi::c_long = 10;

/// Called first in `main`, before any thread starts. By default mimalloc 3
/// keeps freed memory a second (ten in its arenas) before giving it back,
/// and asks for transparent huge pages: a burst of requests left the
/// server holding 120 MB or more long after it. With a short delay and
/// without huge pages it holds what it uses (`make bench`, PERFORMANCE.md).
pub fn tune() {
    // SAFETY: plain option setters; nothing else runs yet.
    unsafe {
        mi_option_set(PURGE_DELAY, PURGE_AFTER_MS);
        // Also covers memory already mapped, and kernels set to "always".
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use libmimalloc_sys::mi_option_get;

    fn purge_delay() -> std::ffi::c_long {
        // SAFETY: a plain option getter.
        unsafe { mi_option_get(PURGE_DELAY) }
    }

    #[test]
    fn tuning_sets_the_purge_delay_and_turns_off_huge_pages() {
        // mimalloc 3's purge delay is 1000 ms by default; no other option
        // has that default, so this checks the number names the option.
        assert_eq!(purge_delay(), 1000);
        tune();
        assert_eq!(purge_delay(), PURGE_AFTER_MS);
        // SAFETY: a plain getter of this process's flag.
        assert_eq!(
            unsafe { libc::prctl(libc::PR_GET_THP_DISABLE, 0, 0, 0, 0) },
            1
        );
    }
}
