# Linux guest images, included by the top Makefile: Debian's kernel and
# busybox, and an initramfs built from scripts/initramfs/.
#   make guest-images [GUEST_ARCH=armhf]   both, for arm64 by default
# Downloads are kept in $(GUEST_DOWNLOADS), which `make clean` leaves alone
# (`make distclean` removes it):
#   $(GUEST_DOWNLOADS)/debian-arm64/{Image,busybox}    arm64: Image (uncompressed)
#   $(GUEST_DOWNLOADS)/debian-armhf/{zImage,busybox}   armhf: LPAE zImage
#   $(BUILD)/guests/linux-<arch>/initramfs.cpio.gz     gzip'd cpio newc
# A config names its Linux arch-neutrally, as linux/kernel and
# linux/initramfs.cpio.gz: the build's architecture picks the Debian one
# (arch.mk's LINUX_GUEST_ARCH), so one config boots on every platform.

GUEST_ARCH ?= arm64
GUEST_DOWNLOADS := $(BUILD)/downloads
guest_kernel = $(if $(filter armhf,$(1)),zImage,Image)
ifneq ($(filter guest-images,$(MAKECMDGOALS)),)
ifeq ($(filter arm64 armhf,$(GUEST_ARCH)),)
$(error GUEST_ARCH=$(GUEST_ARCH): the guest images are for arm64 or armhf)
endif
endif

# One run of the script makes both files of an architecture.
$(GUEST_DOWNLOADS)/debian-arm64/Image $(GUEST_DOWNLOADS)/debian-arm64/busybox &:
	$(Q)scripts/guest-images.sh arm64 $(@D)
$(GUEST_DOWNLOADS)/debian-armhf/zImage $(GUEST_DOWNLOADS)/debian-armhf/busybox &:
	$(Q)scripts/guest-images.sh armhf $(@D)

MKCPIO := $(BUILD)/host-tools/mkcpio
$(MKCPIO): scripts/mkcpio/mkcpio.c
	@mkdir -p $(@D)
	@echo "  HOSTCC  $<"
	$(Q)$(HOSTCC) -std=c11 -O2 -Wall -Wextra -Werror $< -o $@

# The spec: the template with its paths filled in and a line per check in
# checks/. It is remade every time but replaced only when it changes, so a
# check removed from checks/ also rebuilds the initramfs.
INITRAMFS_SRC := scripts/initramfs
INITRAMFS_CHECKS := $(wildcard $(INITRAMFS_SRC)/checks/*.sh)
.PHONY: initramfs-spec-always
.PRECIOUS: $(BUILD)/guests/linux-%/initramfs.spec
$(BUILD)/guests/linux-%/initramfs.spec: initramfs-spec-always
	@mkdir -p $(@D)
	$(Q){ sed -e 's|@BUSYBOX@|$(GUEST_DOWNLOADS)/debian-$*/busybox|' \
		-e 's|@SRC@|$(INITRAMFS_SRC)|' $(INITRAMFS_SRC)/initramfs.spec; \
	for check in $(INITRAMFS_CHECKS); do \
		echo "file /checks/$${check##*/} $$check 0755"; done; } >$@.tmp
	$(Q)if cmp -s $@.tmp $@; then rm $@.tmp; else mv $@.tmp $@; fi

$(BUILD)/guests/linux-%/initramfs.cpio.gz: $(BUILD)/guests/linux-%/initramfs.spec \
		$(GUEST_DOWNLOADS)/debian-%/busybox $(MKCPIO) $(INITRAMFS_SRC)/init $(INITRAMFS_CHECKS)
	@echo "  CPIO    $@"
	$(Q)$(MKCPIO) $< >$(@D)/initramfs.cpio
	$(Q)gzip -9 -n <$(@D)/initramfs.cpio >$@

# The neutral names, in the arch's guest directory (-I$(GUEST_DIR) for the
# config's incbin; the Makefile's LINUX_GUEST_FILES makes them first).
LINUX_GUEST_DIR := $(GUEST_DIR)/linux
$(LINUX_GUEST_DIR)/kernel: $(GUEST_DOWNLOADS)/debian-$(LINUX_GUEST_ARCH)/$(call guest_kernel,$(LINUX_GUEST_ARCH))
	@mkdir -p $(@D)
	$(Q)ln -sf $(abspath $<) $@
$(LINUX_GUEST_DIR)/initramfs.cpio.gz: $(BUILD)/guests/linux-$(LINUX_GUEST_ARCH)/initramfs.cpio.gz
	@mkdir -p $(@D)
	$(Q)ln -sf $(abspath $<) $@

.PHONY: guest-images
guest-images: $(GUEST_DOWNLOADS)/debian-$(GUEST_ARCH)/$(call guest_kernel,$(GUEST_ARCH)) \
		$(BUILD)/guests/linux-$(GUEST_ARCH)/initramfs.cpio.gz
	@echo "  GUEST   $^"
