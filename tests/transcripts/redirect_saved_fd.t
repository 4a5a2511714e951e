#: A command run in the shell's own task with a redirection: the shell
#: saves the fd it redirects at 10 and up, as bash does, so a command
#: that closes a low fd cannot close the saved copy and leave the
#: shell's output redirected (found by adversarial.random_shell).
$ open /dev/null
open("/dev/null", O_RDONLY) = 3
$ close 4 > /dev/null
$ echo still here
still here
