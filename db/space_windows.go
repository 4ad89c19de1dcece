//go:build windows

package db

import "golang.org/x/sys/windows"

// freeSpace is the room left for this user on the disk that holds dir. A variable, so a test
// can play a full disk.
var freeSpace = func(dir string) (int64, error) {
	p, err := windows.UTF16PtrFromString(dir)
	if err != nil {
		return 0, err
	}
	var free uint64
	if err := windows.GetDiskFreeSpaceEx(p, &free, nil, nil); err != nil {
		return 0, err
	}
	return int64(free), nil
}
