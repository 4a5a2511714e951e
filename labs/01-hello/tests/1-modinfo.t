#: test: modinfo shows an author and the description
#: points: 1
#: TODO 1: MODULE_AUTHOR and MODULE_DESCRIPTION put these into greet.ko's .modinfo section.
$ modinfo -F description greet.ko
My first module
$ modinfo -F author greet.ko
.+ (re)
$ modinfo -F license greet.ko
GPL
