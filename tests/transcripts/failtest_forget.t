#: Issue 11: failtest on test_fi with each other kind of missing clean-up in its error path: a kfree,
#: cdev_del, class_destroy, device_destroy, proc_remove, free_irq. Each row after the call whose clean-up is
#: forgotten says what the kernel had to remove; the kernel ends as it began.
$ sudo failtest test_fi.ko forget=kfree
  call  call site                        API                    result                         left behind
     1  set_charp+0x43/0x242             kmalloc                insmod failed: -EINVAL         nothing
     2  test_fi_init+0x26/0x2da          kmalloc                insmod failed: -ENOMEM         nothing
     3  test_fi_init+0x53/0x2da          alloc_chrdev_region    insmod failed: -ENOMEM         leaked 128 bytes in 1 allocation
     4  test_fi_init+0x90/0x2da          cdev_add               insmod failed: -ENOMEM         leaked 128 bytes in 1 allocation
     5  test_fi_init+0xac/0x2da          class_create           insmod failed: -ENOMEM         leaked 128 bytes in 1 allocation
     6  test_fi_init+0xdc/0x2da          device_create          insmod failed: -ENOMEM         leaked 128 bytes in 1 allocation
     7  test_fi_init+0x107/0x2da         proc_create            insmod failed: -ENOMEM         leaked 128 bytes in 1 allocation
     8  test_fi_init+0x13a/0x2da         request_irq            insmod failed: -ENOMEM         leaked 128 bytes in 1 allocation
     9  test_fi_init+0x15a/0x2da         kthread_create         insmod failed: -ENOMEM         leaked 128 bytes in 1 allocation
    10  test_fi_init+0x190/0x2da         alloc_workqueue        insmod failed: -ENOMEM         leaked 128 bytes in 1 allocation
  load  -                                -                      insmod ok, rmmod ok            nothing
failtest: test_fi: 8 of 11 rows not clean: init left something behind or ignored a failure
$ sudo failtest test_fi.ko forget=cdev
  call  call site                        API                    result                         left behind
     1  set_charp+0x43/0x242             kmalloc                insmod failed: -EINVAL         nothing
     2  test_fi_init+0x26/0x2da          kmalloc                insmod failed: -ENOMEM         nothing
     3  test_fi_init+0x53/0x2da          alloc_chrdev_region    insmod failed: -ENOMEM         nothing
     4  test_fi_init+0x90/0x2da          cdev_add               insmod failed: -ENOMEM         nothing
     5  test_fi_init+0xac/0x2da          class_create           insmod failed: -ENOMEM         a cdev on 253:0-0 added
     6  test_fi_init+0xdc/0x2da          device_create          insmod failed: -ENOMEM         a cdev on 253:0-0 added
     7  test_fi_init+0x107/0x2da         proc_create            insmod failed: -ENOMEM         a cdev on 253:0-0 added
     8  test_fi_init+0x13a/0x2da         request_irq            insmod failed: -ENOMEM         a cdev on 253:0-0 added
     9  test_fi_init+0x15a/0x2da         kthread_create         insmod failed: -ENOMEM         a cdev on 253:0-0 added
    10  test_fi_init+0x190/0x2da         alloc_workqueue        insmod failed: -ENOMEM         a cdev on 253:0-0 added
  load  -                                -                      insmod ok, rmmod ok            nothing
failtest: test_fi: 6 of 11 rows not clean: init left something behind or ignored a failure
$ sudo failtest test_fi.ko forget=class
  call  call site                        API                    result                         left behind
     1  set_charp+0x43/0x242             kmalloc                insmod failed: -EINVAL         nothing
     2  test_fi_init+0x26/0x2da          kmalloc                insmod failed: -ENOMEM         nothing
     3  test_fi_init+0x53/0x2da          alloc_chrdev_region    insmod failed: -ENOMEM         nothing
     4  test_fi_init+0x90/0x2da          cdev_add               insmod failed: -ENOMEM         nothing
     5  test_fi_init+0xac/0x2da          class_create           insmod failed: -ENOMEM         nothing
     6  test_fi_init+0xdc/0x2da          device_create          insmod failed: -ENOMEM         class test_fi
     7  test_fi_init+0x107/0x2da         proc_create            insmod failed: -ENOMEM         class test_fi
     8  test_fi_init+0x13a/0x2da         request_irq            insmod failed: -ENOMEM         class test_fi
     9  test_fi_init+0x15a/0x2da         kthread_create         insmod failed: -ENOMEM         class test_fi
    10  test_fi_init+0x190/0x2da         alloc_workqueue        insmod failed: -ENOMEM         class test_fi
  load  -                                -                      insmod ok, rmmod ok            nothing
failtest: test_fi: 5 of 11 rows not clean: init left something behind or ignored a failure
$ sudo failtest test_fi.ko forget=device
  call  call site                        API                    result                         left behind
     1  set_charp+0x43/0x242             kmalloc                insmod failed: -EINVAL         nothing
     2  test_fi_init+0x26/0x2da          kmalloc                insmod failed: -ENOMEM         nothing
     3  test_fi_init+0x53/0x2da          alloc_chrdev_region    insmod failed: -ENOMEM         nothing
     4  test_fi_init+0x90/0x2da          cdev_add               insmod failed: -ENOMEM         nothing
     5  test_fi_init+0xac/0x2da          class_create           insmod failed: -ENOMEM         nothing
     6  test_fi_init+0xdc/0x2da          device_create          insmod failed: -ENOMEM         nothing
     7  test_fi_init+0x107/0x2da         proc_create            insmod failed: -ENOMEM         device test_fi (253:0)
     8  test_fi_init+0x13a/0x2da         request_irq            insmod failed: -ENOMEM         device test_fi (253:0)
     9  test_fi_init+0x15a/0x2da         kthread_create         insmod failed: -ENOMEM         device test_fi (253:0)
    10  test_fi_init+0x190/0x2da         alloc_workqueue        insmod failed: -ENOMEM         device test_fi (253:0)
  load  -                                -                      insmod ok, rmmod ok            nothing
failtest: test_fi: 4 of 11 rows not clean: init left something behind or ignored a failure
$ sudo failtest test_fi.ko forget=proc
  call  call site                        API                    result                         left behind
     1  set_charp+0x43/0x242             kmalloc                insmod failed: -EINVAL         nothing
     2  test_fi_init+0x26/0x2da          kmalloc                insmod failed: -ENOMEM         nothing
     3  test_fi_init+0x53/0x2da          alloc_chrdev_region    insmod failed: -ENOMEM         nothing
     4  test_fi_init+0x90/0x2da          cdev_add               insmod failed: -ENOMEM         nothing
     5  test_fi_init+0xac/0x2da          class_create           insmod failed: -ENOMEM         nothing
     6  test_fi_init+0xdc/0x2da          device_create          insmod failed: -ENOMEM         nothing
     7  test_fi_init+0x107/0x2da         proc_create            insmod failed: -ENOMEM         nothing
     8  test_fi_init+0x13a/0x2da         request_irq            insmod failed: -ENOMEM         /proc/test_fi
     9  test_fi_init+0x15a/0x2da         kthread_create         insmod failed: -ENOMEM         /proc/test_fi
    10  test_fi_init+0x190/0x2da         alloc_workqueue        insmod failed: -ENOMEM         /proc/test_fi
  load  -                                -                      insmod ok, rmmod ok            nothing
failtest: test_fi: 3 of 11 rows not clean: init left something behind or ignored a failure
$ sudo failtest test_fi.ko forget=irq
  call  call site                        API                    result                         left behind
     1  set_charp+0x43/0x242             kmalloc                insmod failed: -EINVAL         nothing
     2  test_fi_init+0x26/0x2da          kmalloc                insmod failed: -ENOMEM         nothing
     3  test_fi_init+0x53/0x2da          alloc_chrdev_region    insmod failed: -ENOMEM         nothing
     4  test_fi_init+0x90/0x2da          cdev_add               insmod failed: -ENOMEM         nothing
     5  test_fi_init+0xac/0x2da          class_create           insmod failed: -ENOMEM         nothing
     6  test_fi_init+0xdc/0x2da          device_create          insmod failed: -ENOMEM         nothing
     7  test_fi_init+0x107/0x2da         proc_create            insmod failed: -ENOMEM         nothing
     8  test_fi_init+0x13a/0x2da         request_irq            insmod failed: -ENOMEM         nothing
     9  test_fi_init+0x15a/0x2da         kthread_create         insmod failed: -ENOMEM         IRQ 7 handler "test_fi" registered
    10  test_fi_init+0x190/0x2da         alloc_workqueue        insmod failed: -ENOMEM         IRQ 7 handler "test_fi" registered
  load  -                                -                      insmod ok, rmmod ok            nothing
failtest: test_fi: 2 of 11 rows not clean: init left something behind or ignored a failure
$ lsmod
Module                  Size  Used by
$ cat /proc/devices
Character devices:
  1 mem
  5 /dev/console
 10 misc
254 kbd

Block devices:
