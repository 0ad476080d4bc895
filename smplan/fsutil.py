"""Reading and writing files so that nothing is lost, replaced or read that should not be.

Writes go through a temporary file and a rename, so a crash never leaves half a file
behind; a symlink is written through (its target changes, the link stays), and a named
pipe, a device or a terminal is written in place, never replaced. Reads take regular
files only, and never more than the caller's limit. A lock file says which process is
editing a file, so two editors of one file never overwrite each other.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import os
import stat
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


class NotARegularFile(OSError):
    """The path names a directory, a pipe, a device or a socket, not a file to read."""

    def __init__(self, path: Path | str, kind: str) -> None:
        super().__init__(errno.EINVAL, kind, str(path))
        #: What the path is: "directory", "fifo", "device", "socket" or "other".
        self.kind = kind


class FileTooLarge(OSError):
    """The file holds more bytes than the caller accepts."""

    def __init__(self, path: Path | str, limit: int, size: int) -> None:
        super().__init__(errno.EFBIG, "file too large", str(path))
        self.limit = limit
        #: The file's size, or `limit + 1` when it has none to tell (a growing file).
        self.size = size


class ReadOnlyFile(PermissionError):
    """The file exists and its permissions say it is not to be written."""

    def __init__(self, path: Path | str) -> None:
        super().__init__(errno.EACCES, "the file is read-only", str(path))


def file_kind(mode: int) -> str:
    """What a `st_mode` describes, in the words `NotARegularFile.kind` uses."""
    if stat.S_ISREG(mode):
        return "file"
    if stat.S_ISDIR(mode):
        return "directory"
    if stat.S_ISFIFO(mode):
        return "fifo"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "other"


def read_regular(path: Path | str, limit: int) -> bytes:
    """The bytes of the regular file `path`, refusing anything else and anything over `limit`.

    The file is opened without blocking, so a named pipe with no writer does not hang,
    and at most `limit + 1` bytes are read, so `/dev/zero` or a growing file cannot fill
    memory. Raises `NotARegularFile`, `FileTooLarge` or the `OSError` of the open.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotARegularFile(path, file_kind(info.st_mode))
        chunks = []
        left = limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > limit:
        raise FileTooLarge(path, limit, max(info.st_size, len(data)))
    return data


@dataclass(frozen=True)
class Stamp:
    """What a file was when it was last read or written: enough to see another writer."""

    size: int
    digest: str

    @classmethod
    def of(cls, data: bytes) -> Stamp:
        """The stamp of `data`."""
        return cls(len(data), hashlib.sha256(data).hexdigest())

    def same_content(self, data: bytes) -> bool:
        """Whether `data` is what the stamp was taken of."""
        return len(data) == self.size and hashlib.sha256(data).hexdigest() == self.digest


def atomic_write(path: Path, data: str | bytes) -> None:
    """Write `data` to `path` so that a reader (or a crash) sees the old or the new file.

    A regular file is replaced through a temporary file, fsync and rename, keeping its
    mode, owner and group; a symlink is followed, so its target gets the data and the
    link stays. A read-only file is refused with `ReadOnlyFile`. A named pipe, a device
    (`/dev/null`, a terminal, `/dev/stdout`) is written in place and never replaced.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        info: os.stat_result | None = Path(path).stat()
    except FileNotFoundError:
        info = None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    if (info is not None and not stat.S_ISREG(info.st_mode)) or _is_special_name(path):
        # Opened by the name given: /dev/stdout follows the process's own descriptor.
        _write_in_place(Path(path), payload)
        return
    target = Path(os.path.realpath(path))
    if info is not None and (not info.st_mode & 0o222 or not os.access(target, os.W_OK)):
        raise ReadOnlyFile(path)
    directory = target.parent
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            if info is not None:
                _keep_owner(handle.fileno(), info)
            os.fchmod(handle.fileno(), info.st_mode & 0o7777 if info else 0o666 & ~_umask())
            os.fsync(handle.fileno())
        tmp.replace(target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    _fsync_dir(directory)


def _is_special_name(path: Path | str) -> bool:
    # /dev/stdout and /proc/self/fd/N stand for a descriptor, whatever it is open on.
    return Path(path).absolute().parts[1:2] in (("dev",), ("proc",))


_STANDARD = {"/dev/stdout": 1, "/dev/stderr": 2}


def _descriptor(path: Path) -> int | None:
    """The descriptor of this process a name such as /dev/stdout or /dev/fd/3 stands for."""
    name = str(Path(path).absolute())
    if name in _STANDARD:
        return _STANDARD[name]
    for prefix in ("/dev/fd/", "/proc/self/fd/", f"/proc/{os.getpid()}/fd/"):
        if name.startswith(prefix) and name[len(prefix) :].isdigit():
            return int(name[len(prefix) :])
    return None


def is_standard_stream(path: Path | str) -> bool:
    """Whether `path` names standard output or error (`/dev/stdout`, `/dev/fd/1`...)."""
    return _descriptor(Path(path)) in (1, 2)


def _write_in_place(target: Path, payload: bytes) -> None:
    # A descriptor of ours is written as it is open (appending stays appending); anything
    # else is opened for writing without being replaced, truncated only if it is a file.
    own = _descriptor(target)
    fd = own if own is not None else os.open(target, os.O_WRONLY | getattr(os, "O_NOCTTY", 0))
    try:
        if own is None and stat.S_ISREG(os.fstat(fd).st_mode):
            os.ftruncate(fd, 0)
        view = memoryview(payload)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        if own is None:
            os.close(fd)


def _keep_owner(fd: int, info: os.stat_result) -> None:
    # Only the owner's group, or root, can keep them; anyone else keeps what they may.
    for uid, gid in ((info.st_uid, info.st_gid), (-1, info.st_gid)):
        try:
            os.fchown(fd, uid, gid)
            return
        except OSError:
            continue


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _fsync_dir(directory: Path) -> None:
    # The rename is durable only once the directory entry is on disk too.
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# --- one editor at a time ---------------------------------------------------------------


class FileLocked(OSError):
    """Another process holds the lock on the file; `pid` says which, when it is known."""

    def __init__(self, path: Path | str, pid: int | None) -> None:
        super().__init__(errno.EAGAIN, "locked by another process", str(path))
        self.pid = pid


def lock_path(path: Path | str) -> Path:
    """The lock file beside `path` (beside its target, when `path` is a symlink)."""
    target = Path(os.path.realpath(path))
    return target.with_name(f".{target.name}.lock")


@contextlib.contextmanager
def locked(path: Path | str) -> Iterator[None]:
    """Hold an advisory lock on `path` for the duration, or raise `FileLocked` at once.

    The lock is an exclusive `flock` on a lock file beside `path` (the file itself is
    replaced at each save, so a lock on it would not last); the lock file holds the
    holder's process id, and goes when the lock is released.
    """
    where = lock_path(path)
    while True:
        fd = os.open(where, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            pid = _read_pid(fd)
            os.close(fd)
            raise FileLocked(path, pid) from None
        except BaseException:
            os.close(fd)
            raise
        # The holder before us may have removed the file between our open and our lock:
        # then we hold a lock nobody else sees, and start again on the new file.
        try:
            same = where.stat().st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            same = False
        if same:
            break
        os.close(fd)
    try:
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        yield
    finally:
        with contextlib.suppress(OSError):
            where.unlink()
        os.close(fd)


def _read_pid(fd: int) -> int | None:
    try:
        text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    except OSError:
        return None
    return int(text) if text.isdigit() else None
