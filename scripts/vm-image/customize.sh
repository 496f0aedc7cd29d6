#!/bin/sh
# mmdebstrap --customize-hook: turns the installed Debian tree ($1) into Minato's VM root. Run as root on the host.
# GUEST is the folder of files copied in as they are (scripts/vm-image/guest/rootfs).
set -eu
ROOT="$1"
GUEST="$(dirname "$0")/guest/rootfs"

# Our files, owned by root with fixed modes whatever the checkout's umask was.
cp -R --no-preserve=mode,ownership "$GUEST"/. "$ROOT"/
find "$GUEST" -type f | while read -r file; do
  target="$ROOT/${file#"$GUEST"/}"
  case "$file" in */usr/local/lib/minato/*) chmod 0755 "$target" ;; *) chmod 0644 "$target" ;; esac
done

# The one account: key login only ("*" can never match a password, and unlike "!" it is not a locked account to sshd).
chroot "$ROOT" useradd --create-home --shell /bin/bash --groups docker --password '*' minato

# SSH host keys made while installing would be the same in every copy of the image: the guest gets its key from
# the host at every boot (minato-provision.service) instead.
rm -f "$ROOT"/etc/ssh/ssh_host_*
chroot "$ROOT" systemctl enable minato-provision.service minato-growfs.service minato-ready.service minato-poweroff.path
# Timers that only cost a small VM CPU time; the serial console's getty comes from console=ttyS0.
chroot "$ROOT" systemctl disable apt-daily.timer apt-daily-upgrade.timer e2scrub_all.timer fstrim.timer 2>/dev/null || true
# Modules a headless VM never uses, each loaded by its own early unit (seconds each under tcg).
chroot "$ROOT" systemctl mask modprobe@drm.service modprobe@fuse.service modprobe@dm_mod.service modprobe@loop.service \
  modprobe@efi_pstore.service

# Files that differ from one build to the next or from one build machine to another.
rm -f "$ROOT"/etc/resolv.conf "$ROOT"/var/cache/debconf/*-old "$ROOT"/var/lib/dpkg/*-old
rm -rf "$ROOT"/var/cache/man "$ROOT"/var/lib/systemd/catalog/database
: > "$ROOT"/etc/machine-id
rm -f "$ROOT"/var/lib/dbus/machine-id
