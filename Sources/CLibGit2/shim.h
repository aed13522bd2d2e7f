#include <git2.h>

/* git_libgit2_opts is variadic, which Swift cannot call: one fixed-arity wrapper per use. */
static inline int designgate_git_set_owner_validation(int enabled) {
    return git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, enabled);
}

/* libgit2 re-hashes every object it reads unless told not to; git itself does not. */
static inline int designgate_git_set_strict_hash_verification(int enabled) {
    return git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, enabled);
}

/* How much of a pack libgit2 keeps mapped at once: every mapped page it has read counts
   towards the process's memory, and the default keeps up to 8 GiB of 1 GiB windows. */
static inline int designgate_git_set_mapped_windows(size_t window, size_t limit) {
    int error = git_libgit2_opts(GIT_OPT_SET_MWINDOW_SIZE, window);
    return error ? error : git_libgit2_opts(GIT_OPT_SET_MWINDOW_MAPPED_LIMIT, limit);
}
