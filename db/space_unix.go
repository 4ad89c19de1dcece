//go:build unix

package db

import "golang.org/x/sys/unix"

// freeSpace is the room left for this user on the disk that holds dir. A variable, so a test
// can play a full disk.
var freeSpace = func(dir string) (int64, error) {
	var st unix.Statfs_t
	if err := unix.Statfs(dir, &st); err != nil {
		return 0, err
	}
	return int64(st.Bavail) * int64(st.Bsize), nil
}
