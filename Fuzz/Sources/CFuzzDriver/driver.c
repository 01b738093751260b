// Intentionally empty: the module only declares libFuzzer's driver entry point (see include/CFuzzDriver.h).
#include "CFuzzDriver.h"
