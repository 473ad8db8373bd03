# -*- Mode: python; py-indent-offset: 4; indent-tabs-mode: nil; coding: utf-8; -*-
# The ipsec module in waf-era ns-3 trees (ns-3.35 and older): place this folder at
# contrib/ipsec, then ./waf configure --enable-examples --enable-tests && ./waf build.
# Sources are globbed, so CMakeLists.txt stays the only file that lists them one by one.
# GoogleTest is not wired into waf; on waf trees the examples are the checks.


def configure(conf):
    # waf 2.0 ignores atleast_version=; pkg-config checks a version written in package=
    found = conf.check_cfg(package='libcrypto >= 3.0', uselib_store='OPENSSL',
                           args=['--cflags', '--libs'], mandatory=False)
    conf.report_optional_feature('ipsec', 'IPsec/IKE model', bool(found),
                                 'OpenSSL 3 libcrypto (pkg-config libcrypto >= 3.0) not found')
    if not found:
        conf.env['MODULES_NOT_BUILT'].append('ipsec')


def build(bld):
    if 'ipsec' in bld.env['MODULES_NOT_BUILT']:
        return

    def files(*patterns):
        return [node.path_from(bld.path) for node in bld.path.ant_glob(list(patterns))]

    module = bld.create_ns3_module('ipsec', ['internet', 'virtual-net-device', 'point-to-point'])
    module.source = files('model/**/*.cc', 'helper/*.cc')
    module.use.append('OPENSSL')

    headers = bld(features='ns3header')
    headers.module = 'ipsec'
    headers.source = files('model/**/*.h', 'helper/*.h')

    if bld.env['ENABLE_EXAMPLES']:
        bld.recurse('examples')
