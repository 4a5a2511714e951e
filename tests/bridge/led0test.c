/* led0test.c - a student's test program for /dev/led0, as one would write
 * it against Linux: open, ioctl(LED_SET / LED_GET / LED_TOGGLE), read.
 * Run on simkernel through the bridge (tests/bridge/bridge_programs.sh). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#define LED_IOC_MAGIC 'L'
#define LED_SET    _IOW(LED_IOC_MAGIC, 1, int)
#define LED_GET    _IOR(LED_IOC_MAGIC, 2, int)
#define LED_TOGGLE _IO(LED_IOC_MAGIC, 3)

int main(void)
{
	int fd = open("/dev/led0", O_RDWR);
	if (fd < 0) {
		perror("open /dev/led0");
		return 1;
	}
	int on = 1, state = -1, bad = 7;
	if (ioctl(fd, LED_SET, &on) < 0) {
		perror("LED_SET");
		return 1;
	}
	if (ioctl(fd, LED_GET, &state) < 0) {
		perror("LED_GET");
		return 1;
	}
	printf("after LED_SET 1: %d\n", state);
	ioctl(fd, LED_TOGGLE);
	ioctl(fd, LED_GET, &state);
	printf("after LED_TOGGLE: %d\n", state);
	if (ioctl(fd, LED_SET, &bad) < 0)
		printf("LED_SET 7: %s\n", strerror(errno));
	if (ioctl(fd, 0x1234) < 0)
		printf("unknown command: %s\n", strerror(errno));
	char buf[16] = {0};
	ssize_t n = read(fd, buf, sizeof buf - 1);
	if (n < 0)
		printf("read: %s\n", strerror(errno));
	else
		printf("read %zd bytes: %s", n, buf);
	FILE *f = fopen("/sys/class/led/led0/brightness", "r");
	if (f && fgets(buf, sizeof buf, f))
		printf("brightness: %s", buf);
	if (f)
		fclose(f);
	printf("fd is %d\n", fd);
	close(fd);
	return 0;
}
