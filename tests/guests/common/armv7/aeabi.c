// SPDX-License-Identifier: MIT
/*
 * What libgcc's 64-bit division (__aeabi_uldivmod, pulled in for the
 * counter arithmetic) calls on a division by zero. libgcc's own calls
 * raise(), which a freestanding guest does not have.
 */
#include "guest.h"

long long __aeabi_ldiv0(long long r);

long long __aeabi_ldiv0(long long r)
{
	(void)r;
	printf("division by zero\n");
	guest_exit();
}
