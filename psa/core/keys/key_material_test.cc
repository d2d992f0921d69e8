#include "psa/core/keys/key_material.h"

#include <stdint.h>

#include <vector>

#include "gtest/gtest.h"

namespace psa::core::keys {
namespace {

std::vector<uint8_t> Bytes(size_t size, uint8_t seed) {
  std::vector<uint8_t> bytes(size);
  for (size_t i = 0; i < size; ++i) bytes[i] = static_cast<uint8_t>(seed + i);
  return bytes;
}

bool IsInline(const KeyMaterial& material) {
  const uint8_t* self = reinterpret_cast<const uint8_t*>(&material);
  return material.data() >= self && material.data() < self + sizeof(material);
}

TEST(KeyMaterial, SmallKeysAreHeldInline) {
  KeyMaterial material;
  const std::vector<uint8_t> key = Bytes(KeyMaterial::kInlineCapacity, 1);
  ASSERT_TRUE(material.Assign(key.data(), key.size()));
  EXPECT_TRUE(IsInline(material));
  EXPECT_EQ(std::vector<uint8_t>(material.data(), material.data() + material.size()), key);
}

TEST(KeyMaterial, LargeKeysGoToTheHeap) {
  KeyMaterial material;
  const std::vector<uint8_t> key = Bytes(KeyMaterial::kInlineCapacity + 1, 2);
  ASSERT_TRUE(material.Assign(key.data(), key.size()));
  EXPECT_FALSE(IsInline(material));
  EXPECT_EQ(std::vector<uint8_t>(material.data(), material.data() + material.size()), key);
}

TEST(KeyMaterial, ClearWipesTheInlineBytes) {
  KeyMaterial material;
  const std::vector<uint8_t> key = Bytes(32, 3);
  ASSERT_TRUE(material.Assign(key.data(), key.size()));
  const uint8_t* inline_bytes = material.data();
  material.Clear();
  EXPECT_TRUE(material.empty());
  for (size_t i = 0; i < key.size(); ++i) EXPECT_EQ(inline_bytes[i], 0) << i;
}

TEST(KeyMaterial, ReplacingAHeapKeyByASmallOneGoesInline) {
  KeyMaterial material;
  const std::vector<uint8_t> large = Bytes(200, 4);
  const std::vector<uint8_t> small = Bytes(16, 5);
  ASSERT_TRUE(material.Assign(large.data(), large.size()));
  ASSERT_TRUE(material.Assign(small.data(), small.size()));
  EXPECT_TRUE(IsInline(material));
  EXPECT_EQ(std::vector<uint8_t>(material.data(), material.data() + material.size()), small);
}

TEST(KeyMaterial, TakeKeepsOnlyTheValidPrefix) {
  SecureBuffer small;
  ASSERT_TRUE(small.Allocate(100));
  for (size_t i = 0; i < 100; ++i) small.data()[i] = static_cast<uint8_t>(i + 1);
  KeyMaterial material;
  material.Take(std::move(small), 10);
  EXPECT_TRUE(IsInline(material));
  ASSERT_EQ(material.size(), 10u);
  EXPECT_EQ(material.data()[9], 10);

  SecureBuffer large;
  ASSERT_TRUE(large.Allocate(300));
  large.data()[199] = 0xaa;
  material.Take(std::move(large), 200);
  EXPECT_FALSE(IsInline(material));
  ASSERT_EQ(material.size(), 200u);
  EXPECT_EQ(material.data()[199], 0xaa);
  // A length beyond the buffer is cut to the buffer.
  SecureBuffer short_buffer;
  ASSERT_TRUE(short_buffer.Allocate(8));
  material.Take(std::move(short_buffer), 50);
  EXPECT_EQ(material.size(), 8u);
}

}  // namespace
}  // namespace psa::core::keys
