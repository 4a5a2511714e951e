#: Issue 11: failtest on a correct module (every row clean), on one whose error path forgets
#: unregister_chrdev_region, and on one that forgets kthread_stop; --exit on the correct one.
$ sudo failtest test_fi.ko
  call  call site                        API                    result                         left behind
     1  test_fi_init+0x26/0x2da          kmalloc                insmod failed: -ENOMEM         nothing
     2  test_fi_init+0x53/0x2da          alloc_chrdev_region    insmod failed: -ENOMEM         nothing
     3  test_fi_init+0x90/0x2da          cdev_add               insmod failed: -ENOMEM         nothing
     4  test_fi_init+0xac/0x2da          class_create           insmod failed: -ENOMEM         nothing
     5  test_fi_init+0xdc/0x2da          device_create          insmod failed: -ENOMEM         nothing
     6  test_fi_init+0x107/0x2da         proc_create            insmod failed: -ENOMEM         nothing
     7  test_fi_init+0x13a/0x2da         request_irq            insmod failed: -ENOMEM         nothing
     8  test_fi_init+0x15a/0x2da         kthread_create         insmod failed: -ENOMEM         nothing
     9  test_fi_init+0x190/0x2da         alloc_workqueue        insmod failed: -ENOMEM         nothing
  load  -                                -                      insmod ok, rmmod ok            nothing
failtest: test_fi: 9 fallible calls in init, every error path clean
$ sudo failtest test_fi.ko forget=chrdev
  call  call site                        API                    result                         left behind
     1  set_charp+0x43/0x242             kmalloc                insmod failed: -EINVAL         nothing
     2  test_fi_init+0x26/0x2da          kmalloc                insmod failed: -ENOMEM         nothing
     3  test_fi_init+0x53/0x2da          alloc_chrdev_region    insmod failed: -ENOMEM         nothing
     4  test_fi_init+0x90/0x2da          cdev_add               insmod failed: -ENOMEM         char device region 253:0-0 "test_fi" registered
     5  test_fi_init+0xac/0x2da          class_create           insmod failed: -ENOMEM         char device region 253:0-0 "test_fi" registered
     6  test_fi_init+0xdc/0x2da          device_create          insmod failed: -ENOMEM         char device region 253:0-0 "test_fi" registered
     7  test_fi_init+0x107/0x2da         proc_create            insmod failed: -ENOMEM         char device region 253:0-0 "test_fi" registered
     8  test_fi_init+0x13a/0x2da         request_irq            insmod failed: -ENOMEM         char device region 253:0-0 "test_fi" registered
     9  test_fi_init+0x15a/0x2da         kthread_create         insmod failed: -ENOMEM         char device region 253:0-0 "test_fi" registered
    10  test_fi_init+0x190/0x2da         alloc_workqueue        insmod failed: -ENOMEM         char device region 253:0-0 "test_fi" registered
  load  -                                -                      insmod ok, rmmod ok            nothing
failtest: test_fi: 7 of 11 rows not clean: init left something behind or ignored a failure
$ sudo failtest test_fi.ko forget=kthread
  call  call site                        API                    result                         left behind
     1  set_charp+0x43/0x242             kmalloc                insmod failed: -EINVAL         nothing
     2  test_fi_init+0x26/0x2da          kmalloc                insmod failed: -ENOMEM         nothing
     3  test_fi_init+0x53/0x2da          alloc_chrdev_region    insmod failed: -ENOMEM         nothing
     4  test_fi_init+0x90/0x2da          cdev_add               insmod failed: -ENOMEM         nothing
     5  test_fi_init+0xac/0x2da          class_create           insmod failed: -ENOMEM         nothing
     6  test_fi_init+0xdc/0x2da          device_create          insmod failed: -ENOMEM         nothing
     7  test_fi_init+0x107/0x2da         proc_create            insmod failed: -ENOMEM         nothing
     8  test_fi_init+0x13a/0x2da         request_irq            insmod failed: -ENOMEM         nothing
     9  test_fi_init+0x15a/0x2da         kthread_create         insmod failed: -ENOMEM         nothing
    10  test_fi_init+0x190/0x2da         alloc_workqueue        insmod failed: -ENOMEM         kernel thread [test_fi] running
  load  -                                -                      insmod ok, rmmod ok            nothing
failtest: test_fi: 1 of 11 rows not clean: init left something behind or ignored a failure
$ sudo failtest --exit test_fi.ko
  call  call site                        API                    result                         left behind
unload  -                                -                      rmmod ok                       nothing
failtest: test_fi: 0 fallible calls in exit, every error path clean
$ lsmod
Module                  Size  Used by
