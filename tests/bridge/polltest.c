/* polltest.c - a student's test program for a blocking device with .poll
 * (tests/compat/pollpipe.c, /dev/pollpipe), as one would write it against
 * Linux: O_NONBLOCK through fcntl, poll, select, ppoll and pselect, a wait
 * woken by another process's write, a wait on a host pipe and the device
 * together, dup2 onto a number of its own choosing. Built with gcc and run
 * on simkernel through the bridge (tests/bridge/bridge_programs.sh). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/select.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static const char *result(long r)
{
	static char buf[64];
	if (r < 0)
		return strerror(errno);
	snprintf(buf, sizeof buf, "%ld", r);
	return buf;
}

/* A child that writes msg to fd (the device, or a pipe) after ms. */
static pid_t write_later(int fd, const char *msg, int ms)
{
	pid_t pid = fork();
	if (pid == 0) {
		usleep(ms * 1000);
		_exit(write(fd, msg, strlen(msg)) == (ssize_t)strlen(msg) ? 0 : 1);
	}
	return pid;
}

int main(void)
{
	char buf[32];
	int fd = open("/dev/pollpipe", O_RDWR);
	if (fd < 0) {
		perror("open /dev/pollpipe");
		return 1;
	}

	/* O_NONBLOCK, set and cleared with fcntl: the driver sees it. */
	int fl = fcntl(fd, F_GETFL);
	printf("F_GETFL: O_RDWR %d, O_NONBLOCK %d\n", (fl & O_ACCMODE) == O_RDWR, !!(fl & O_NONBLOCK));
	if (fcntl(fd, F_SETFL, fl | O_NONBLOCK) < 0)
		perror("F_SETFL");
	printf("after F_SETFL: O_NONBLOCK %d\n", !!(fcntl(fd, F_GETFL) & O_NONBLOCK));
	printf("read of the empty device: %s\n", result(read(fd, buf, sizeof buf)));
	fcntl(fd, F_SETFL, fl);

	/* poll: nothing to read yet, room to write. */
	struct pollfd p = { fd, POLLIN, 0 };
	long r = poll(&p, 1, 50);
	printf("poll POLLIN, 50 ms, empty: %ld revents %#x\n", r, p.revents);
	p.events = POLLIN | POLLOUT;
	r = poll(&p, 1, 0);
	printf("poll POLLIN|POLLOUT: %ld revents %#x\n", r, p.revents);

	/* A wait with no timeout, woken by another process's write. */
	pid_t child = write_later(fd, "wake", 200);
	p.events = POLLIN;
	r = poll(&p, 1, -1);
	printf("poll woken by a write: %ld revents %#x\n", r, p.revents);
	ssize_t n = read(fd, buf, sizeof buf);
	printf("read: %.*s\n", (int)(n > 0 ? n : 0), buf);
	waitpid(child, NULL, 0);

	/* A host pipe and the device in one poll: the pipe wakes it. */
	int pp[2];
	if (pipe(pp) < 0)
		return 1;
	child = write_later(pp[1], "x", 200);
	struct pollfd two[2] = { { fd, POLLIN, 0 }, { pp[0], POLLIN, 0 } };
	r = poll(two, 2, 5000);
	printf("poll device + pipe, the pipe written: %ld revents %#x %#x\n", r, two[0].revents, two[1].revents);
	waitpid(child, NULL, 0);
	/* ... and the device wakes it. */
	(void)!read(pp[0], buf, 1);
	child = write_later(fd, "dev", 200);
	two[0].revents = two[1].revents = 0;
	r = poll(two, 2, 5000);
	printf("poll device + pipe, the device written: %ld revents %#x %#x\n", r, two[0].revents, two[1].revents);
	waitpid(child, NULL, 0);
	n = read(fd, buf, sizeof buf);

	/* select, pselect, ppoll. */
	fd_set rd, wr;
	FD_ZERO(&rd);
	FD_ZERO(&wr);
	FD_SET(fd, &rd);
	struct timeval tv = { 0, 50000 };
	r = select(fd + 1, &rd, NULL, NULL, &tv);
	printf("select readable, empty: %ld\n", r);
	(void)!write(fd, "hi", 2);
	FD_SET(fd, &rd);
	FD_SET(fd, &wr);
	tv.tv_sec = 1;
	r = select(fd + 1, &rd, &wr, NULL, &tv);
	printf("select after a write: %ld readable %d writable %d\n", r, FD_ISSET(fd, &rd), FD_ISSET(fd, &wr));
	struct timespec ts = { 1, 0 };
	FD_SET(fd, &rd);
	r = pselect(fd + 1, &rd, NULL, NULL, &ts, NULL);
	printf("pselect: %ld readable %d\n", r, FD_ISSET(fd, &rd));
	p.events = POLLIN;
	r = ppoll(&p, 1, &ts, NULL);
	printf("ppoll: %ld revents %#x\n", r, p.revents);
	n = read(fd, buf, sizeof buf);
	FD_ZERO(&rd);
	FD_SET(1000, &rd);
	r = select(1001, &rd, NULL, NULL, &tv);
	printf("select on a closed fd: %s\n", result(r));

	/* dup2 onto a number the program chose; F_DUPFD. */
	if (dup2(fd, 7) != 7)
		perror("dup2");
	p.fd = 7;
	p.events = POLLOUT;
	r = poll(&p, 1, 0);
	printf("poll fd 7: %ld revents %#x\n", r, p.revents);
	printf("fd 7 F_GETFL O_RDWR: %d\n", (fcntl(7, F_GETFL) & O_ACCMODE) == O_RDWR);
	if (dup2(7, 0) != 0)
		perror("dup2 7 0");
	(void)!write(fd, "via0", 4);
	n = read(0, buf, sizeof buf);
	printf("read of fd 0 (dup2 of fd 7): %.*s\n", (int)(n > 0 ? n : 0), buf);
	printf("read of fd 7 itself: %s\n", result(read(7, buf, sizeof buf)));
	close(7);
	int high = fcntl(fd, F_DUPFD, 100);
	printf("F_DUPFD 100: %s\n", high >= 100 ? "at or above 100" : result(high));
	return 0;
}
