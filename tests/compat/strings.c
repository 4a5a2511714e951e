// SPDX-License-Identifier: GPL-2.0
/* strings.c - the string library through <linux/module.h> alone, as many
 * tutorials write it (Linux brings <linux/string.h> along). */
#include <linux/module.h>
#include <linux/slab.h>

static int __init strings_init(void)
{
	char buf[32];
	char *dup, *msg, *s, *tok;
	int v = -1;
	long l = 0;
	int err;

	strcpy(buf, "simkernel");
	pr_info("strlen=%zu strcmp=%d\n", strlen(buf), strcmp(buf, "simkernel"));
	memset(buf, 0, sizeof(buf));
	strncpy(buf, "  padded  ", sizeof(buf) - 1);
	pr_info("strim='%s'\n", strim(buf));
	dup = kstrdup("copy", GFP_KERNEL);
	msg = kasprintf(GFP_KERNEL, "%s-%d", dup, 42);
	pr_info("kstrdup=%s kasprintf=%s\n", dup, msg);
	err = kstrtoint("0\n", 0, &v);
	pr_info("kstrtoint(\"0\\n\")=%d v=%d\n", err, v);
	err = kstrtol("0x1f", 0, &l);
	pr_info("kstrtol(\"0x1f\")=%d l=%ld\n", err, l);
	pr_info("kstrtoint(\"12abc\")=%d\n", kstrtoint("12abc", 10, &v));
	s = kstrdup("a,b,c", GFP_KERNEL);
	msg[0] = 'C';
	{
		char *p = s;

		while ((tok = strsep(&p, ",")))
			pr_info("token %s\n", tok);
	}
	kfree(s);
	kfree(msg);
	kfree(dup);
	return 0;
}

static void __exit strings_exit(void)
{
}

module_init(strings_init);
module_exit(strings_exit);
MODULE_LICENSE("GPL");
