/* bridge_bench.c - the timing loop bench/bridge_bench.sh runs, bridged
 * (under `simkernel run`) and not: the median time of one call.
 *
 *   bridge_bench read PATH SIZE N     N reads of SIZE bytes of PATH (pread at 0
 *                                     for a regular file, so it never hits EOF)
 *   bridge_bench poll PATH 0 N        N poll(2)s of PATH for POLLIN, no timeout
 *   bridge_bench dupclose PATH 0 N    N dup(2) + close(2) pairs of PATH's fd
 *
 * Prints the median nanoseconds per call over batches of 1000 calls. */
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static double now_ns(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e9 + t.tv_nsec;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
	const char *mode = argc == 5 ? argv[1] : "";
	if (strcmp(mode, "read") != 0 && strcmp(mode, "poll") != 0 && strcmp(mode, "dupclose") != 0) {
		fprintf(stderr, "usage: bridge_bench read|poll|dupclose PATH SIZE N\n");
		return 2;
	}
	size_t size = strtoul(argv[3], NULL, 10);
	long n = strtol(argv[4], NULL, 10), batch = 1000, nb = n / batch;
	int fd = open(argv[2], O_RDONLY);
	if (fd < 0 || nb < 1) {
		perror(argv[2]);
		return 1;
	}
	struct stat st;
	fstat(fd, &st);
	int regular = S_ISREG(st.st_mode);
	char *buf = malloc(size ? size : 1);
	double *per_call = calloc(nb, sizeof *per_call);
	for (long b = 0; b < nb; b++) {
		double t0 = now_ns();
		for (long i = 0; i < batch; i++) {
			if (mode[0] == 'p') {
				struct pollfd p = { fd, POLLIN, 0 };
				if (poll(&p, 1, 0) != 1) {
					perror("poll");
					return 1;
				}
			} else if (mode[0] == 'd') {
				int copy = dup(fd);
				if (copy < 0 || close(copy) < 0) {
					perror("dup/close");
					return 1;
				}
			} else {
				ssize_t r = regular ? pread(fd, buf, size, 0) : read(fd, buf, size);
				if (r <= 0) {
					perror("read");
					return 1;
				}
			}
		}
		per_call[b] = (now_ns() - t0) / batch;
	}
	qsort(per_call, nb, sizeof *per_call, cmp);
	printf("%.1f\n", per_call[nb / 2]);
	return 0;
}
