import { Center, Loader } from '@mantine/core'

/** Shown for the moment a page's code is fetched the first time it is opened. */
export function PageLoader() {
  return (
    <Center style={{ flex: 1 }} data-testid="page-loader">
      <Loader size="sm" />
    </Center>
  )
}
