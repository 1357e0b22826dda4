/*
 * mkcpio: write a cpio "newc" archive, the format the Linux kernel unpacks
 * as an initramfs, to stdout from a spec file. Device nodes and ownership
 * come from the spec, not from the file system, so no root rights are needed.
 *
 *   mkcpio SPEC > archive.cpio
 *
 * One entry per line, fields separated by blanks (no quoting, so no blanks in
 * names); blank lines and lines starting with '#' are ignored:
 *   dir   PATH MODE
 *   file  PATH SRC MODE             SRC: a regular file on the host
 *   nod   PATH MODE c|b MAJOR MINOR
 *   slink PATH TARGET MODE
 * MODE is octal permission bits (0755). PATH is absolute ("/bin/sh") and its
 * directory must come earlier: the kernel does not create parents. Every
 * entry has uid 0, gid 0 and mtime 0, so the same spec and sources always
 * give the same bytes.
 */
#define _POSIX_C_SOURCE 200809L
#include <cpio.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MAX_FIELDS 6 /* "nod" and its 5 */

/* What a newc header says about one entry (the rest is always 0). The
 * file type bits in mode are cpio's (<cpio.h>), which Linux shares. */
struct entry {
	const char *name;
	unsigned long mode; /* file type and permission bits */
	unsigned long nlink;
	unsigned long ino;
	unsigned long size; /* bytes of data after the name */
	unsigned long rdev_major, rdev_minor;
};

static const char *spec_path;
static unsigned long line_no; /* 0 outside the spec's lines */
static unsigned long next_ino = 1;
static unsigned long long out_bytes; /* written so far, for the padding */

/* Say what went wrong, and where in the spec, and stop: the archive on
 * stdout is unusable. */
static _Noreturn void die(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "mkcpio: ");
	if (line_no)
		fprintf(stderr, "%s:%lu: ", spec_path, line_no);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

static void put(const void *buf, size_t len)
{
	if (fwrite(buf, 1, len, stdout) != len)
		die("cannot write the archive: %s", strerror(errno));
	out_bytes += len;
}

/* newc aligns each header and each entry's data to 4 bytes. */
static void pad4(void)
{
	static const char zeros[3];

	put(zeros, (4 - out_bytes % 4) % 4);
}

/* The header, then the name with its NUL; the caller writes the data.
 * A header is a magic number and 13 numbers in 8 hex digits each. */
static void put_header(const struct entry *e)
{
	size_t name_size = strlen(e->name) + 1;
	unsigned long numbers[13] = {
		e->ino,
		e->mode,
		0, /* uid */
		0, /* gid */
		e->nlink,
		0, /* mtime */
		e->size,
		0, /* major of the file system holding the file */
		0, /* minor */
		e->rdev_major,
		e->rdev_minor,
		name_size,
		0, /* checksum: none in "070701" archives */
	};
	char hex[9];

	put("070701", 6);
	for (size_t i = 0; i < 13; i++) {
		snprintf(hex, sizeof(hex), "%08lx", numbers[i]);
		put(hex, 8);
	}
	put(e->name, name_size);
	pad4();
}

/* Archive names are relative to the root the kernel unpacks into. */
static const char *archive_name(const char *path)
{
	if (path[0] != '/')
		die("path '%s' is not absolute", path);
	while (*path == '/')
		path++;
	if (*path == '\0')
		die("the root directory is not an entry");
	return path;
}

/* Each entry gets its own inode number: the kernel would take entries with
 * nlink > 1 and the same number for hard links of one file. */
static struct entry new_entry(const char *path, unsigned long type,
			      unsigned long perm)
{
	return (struct entry){
		.name = archive_name(path),
		.mode = type | perm,
		.nlink = type == C_ISDIR ? 2 : 1,
		.ino = next_ino++,
	};
}

static unsigned long parse_mode(const char *s)
{
	char *end;
	unsigned long mode;

	errno = 0;
	mode = strtoul(s, &end, 8);
	if (errno || end == s || *end != '\0' || mode > 07777)
		die("bad mode '%s': expected octal permission bits like 0755",
		    s);
	return mode;
}

static unsigned long parse_number(const char *s, const char *what)
{
	char *end;
	unsigned long n;

	errno = 0;
	n = strtoul(s, &end, 10);
	if (errno || end == s || *end != '\0' || s[0] == '-' || n > UINT32_MAX)
		die("bad %s '%s': expected a decimal number", what, s);
	return n;
}

static void emit_dir(char **f)
{
	struct entry e = new_entry(f[0], C_ISDIR, parse_mode(f[1]));

	put_header(&e);
}

static void emit_file(char **f)
{
	struct entry e = new_entry(f[0], C_ISREG, parse_mode(f[2]));
	FILE *src = fopen(f[1], "rb");
	struct stat st;
	char buf[65536];
	size_t n;
	unsigned long copied = 0;

	if (!src || fstat(fileno(src), &st) != 0)
		die("cannot read '%s': %s", f[1], strerror(errno));
	if (!S_ISREG(st.st_mode))
		die("'%s' is not a regular file", f[1]);
	if ((unsigned long long)st.st_size > UINT32_MAX)
		die("'%s' is too big for cpio newc (4 GiB at most)", f[1]);
	e.size = (unsigned long)st.st_size;
	put_header(&e);
	while ((n = fread(buf, 1, sizeof(buf), src)) > 0) {
		copied += n;
		if (copied > e.size)
			break;
		put(buf, n);
	}
	if (ferror(src) || copied != e.size)
		die("'%s' changed or failed while being read", f[1]);
	fclose(src);
	pad4();
}

static void emit_nod(char **f)
{
	unsigned long type;
	struct entry e;

	if (strcmp(f[2], "c") == 0)
		type = C_ISCHR;
	else if (strcmp(f[2], "b") == 0)
		type = C_ISBLK;
	else
		die("bad device type '%s': expected c or b", f[2]);
	e = new_entry(f[0], type, parse_mode(f[1]));
	e.rdev_major = parse_number(f[3], "major number");
	e.rdev_minor = parse_number(f[4], "minor number");
	put_header(&e);
}

/* A symbolic link's data is its target, without a NUL. */
static void emit_slink(char **f)
{
	struct entry e = new_entry(f[0], C_ISLNK, parse_mode(f[2]));

	e.size = strlen(f[1]);
	put_header(&e);
	put(f[1], e.size);
	pad4();
}

static const struct record {
	const char *kind;
	const char *fields; /* for error messages */
	int nfields;
	void (*emit)(char **fields);
} records[] = {
	{"dir", "PATH MODE", 2, emit_dir},
	{"file", "PATH SRC MODE", 3, emit_file},
	{"nod", "PATH MODE c|b MAJOR MINOR", 5, emit_nod},
	{"slink", "PATH TARGET MODE", 3, emit_slink},
};

/* One spec line: split it into fields and emit its entry. */
static void emit_line(char *line)
{
	char *field[MAX_FIELDS], *save;
	int n = 0;

	for (char *t = strtok_r(line, " \t\r\n", &save); t;
	     t = strtok_r(NULL, " \t\r\n", &save)) {
		if (n < MAX_FIELDS)
			field[n] = t;
		n++; /* counts them all, for the error message */
	}
	if (n == 0 || field[0][0] == '#')
		return;
	for (size_t i = 0; i < sizeof(records) / sizeof(records[0]); i++) {
		const struct record *r = &records[i];

		if (strcmp(field[0], r->kind) != 0)
			continue;
		if (n - 1 != r->nfields)
			die("'%s' takes %d fields (%s %s), not %d", r->kind,
			    r->nfields, r->kind, r->fields, n - 1);
		r->emit(field + 1);
		return;
	}
	die("unknown entry '%s': expected dir, file, nod or slink", field[0]);
}

/* The end of the archive is an empty entry with this name. */
static void emit_trailer(void)
{
	struct entry e = {.name = "TRAILER!!!", .nlink = 1};

	put_header(&e);
}

int main(int argc, char **argv)
{
	FILE *spec;
	char *line = NULL;
	size_t cap = 0;

	if (argc != 2) {
		fprintf(stderr, "usage: mkcpio SPEC > archive.cpio\n");
		return 2;
	}
	spec_path = argv[1];
	spec = fopen(spec_path, "r");
	if (!spec)
		die("cannot read '%s': %s", spec_path, strerror(errno));
	while (getline(&line, &cap, spec) >= 0) {
		line_no++;
		emit_line(line);
	}
	line_no = 0;
	if (ferror(spec))
		die("cannot read '%s': %s", spec_path, strerror(errno));
	free(line);
	fclose(spec);
	emit_trailer();
	if (fflush(stdout) != 0)
		die("cannot write the archive: %s", strerror(errno));
	return 0;
}
