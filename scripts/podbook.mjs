#!/usr/bin/env node
console.log('podbook stub');
