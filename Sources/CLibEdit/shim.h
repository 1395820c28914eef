#ifndef DOSSIER_CLIBEDIT_SHIM_H
#define DOSSIER_CLIBEDIT_SHIM_H

#include <stdio.h>
#include <editline/readline.h>

/* Swift 6 treats C globals as unsafe shared state; these setters and getters keep every
   access to libedit's globals in one place. */

typedef char **dossier_completion_func(const char *text, int start, int end);

static inline void dossier_rl_set_completion(dossier_completion_func *function) {
    rl_attempted_completion_function = function;
}

static inline void dossier_rl_set_completion_over(int over) {
    rl_attempted_completion_over = over;
}

static inline const char *dossier_rl_line_buffer(void) {
    return rl_line_buffer;
}

static inline int dossier_rl_point(void) {
    return rl_point;
}

static inline void dossier_rl_set_readline_name(const char *name) {
    rl_readline_name = name;
}

static inline void dossier_rl_set_catch_signals(int value) {
    rl_catch_signals = value;
}

static inline void dossier_rl_set_completion_append_character(int character) {
    rl_completion_append_character = character;
}

static inline void dossier_rl_set_getc(int (*function)(FILE *)) {
    rl_getc_function = function;
}

#endif
